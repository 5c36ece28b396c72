extension Workspace {
    /// Loads the record at `name`, lets `change` amend it and return what it did (the audit
    /// entry's summary), and writes it back, all in one commit; `missing` is thrown when there is
    /// no such record, and whatever `change` throws leaves it as it was.
    func amend<Record: Codable>(_ type: Record.Type, at name: String, action: String, recordID: String,
                                missing: @autoclosure () -> Error, _ change: (inout Record) throws -> String) throws -> Record {
        try store.commit(actor: actor, action: action, recordID: recordID) { transaction -> Record in
            guard var record = try transaction.load(Record.self, from: name) else { throw missing() }
            transaction.summary = try change(&record)
            try transaction.write(record, to: name)
            return record
        }
    }
}
