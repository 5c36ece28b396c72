import Foundation

/// Reading many incident files at once (the index's first build, an export): the files are
/// read, proven and decoded over the cores (``Store/loadEach(_:from:)``), and the sealed ones
/// opened over the cores too, one HPKE open each (the session's keys made once per share of the work). The checks and errors are those of
/// ``readRecord(document:)``, document by document, in order.
extension IncidentLog {
    /// ``readRecord(document:)`` of each name, in order; throws the first error, as reading them
    /// one after another would.
    /// Files in `readAhead` are taken from it where they are still as the log records them.
    func readRecords(documents names: [String], readAhead: IncidentReadAhead? = nil) throws -> [IncidentRecord?] {
        let loads = Self.readFiles(documents: names, in: store, readAhead: readAhead?.reads())
        let opener = vault.opener()
        let opened = ParallelMap.map(loads.map { try? $0.get() }, context: opener.keys) { keys, stored -> Result<IncidentRecord?, Error> in
            switch stored {
            case .plain(let record)??: return .success(record)
            case .sealed(let file)??: return Result { try opener.open(file, with: keys) }
            default: return .success(nil)
            }
        }
        return try zip(names, zip(loads, opened)).map { name, read -> IncidentRecord? in
            guard try read.0.get() != nil else { return nil }
            let record = try read.1.get()
            if let record { try RecordCheck.refuseMisnamedIncident(id: record.id, document: name) }  // anyone can seal to the public key
            return record
        }
    }

    /// ``readFile(document:in:)`` of each name, in order: the file (an incident whose id is its
    /// name), or the error reading it alone would throw.
    static func readFiles(documents names: [String], in store: Store,
                          readAhead: StoreReadAhead<StoredIncident>.Reads? = nil) -> [Result<StoredIncident?, Error>] {
        zip(names, store.loadEach(StoredIncident.self, from: names, readAhead: readAhead)).map { name, read in
            Result {
                guard let stored = try read.get() else { return nil }
                try RecordCheck.refuseMisnamedIncident(id: stored.id, document: name)
                return stored
            }
        }
    }
}
