import Foundation

/// Reading many incident files at once (the index's first build, an export): the files are
/// read, proven and decoded over the cores (``Store/loadEach(_:from:)``), and the sealed ones
/// opened over the cores too, one HPKE open each. The checks and errors are those of
/// ``readRecord(document:)``, document by document, in order.
extension IncidentLog {
    /// ``readRecord(document:)`` of each name, in order; throws the first error, as reading them
    /// one after another would.
    func readRecords(documents names: [String]) throws -> [IncidentRecord?] {
        let loads = store.loadEach(StoredIncident.self, from: names)
        let opener = vault.opener()
        let opened = ParallelMap.map(loads.map { try? $0.get() }) { stored -> Result<IncidentRecord?, Error> in
            switch stored {
            case .plain(let record)??: return .success(record)
            case .sealed(let file)??: return Result { try opener.open(file) }
            default: return .success(nil)
            }
        }
        return try zip(names, zip(loads, opened)).map { name, read -> IncidentRecord? in
            guard let stored = try read.0.get() else { return nil }
            try RecordCheck.refuseMisnamedIncident(id: stored.id, document: name)
            let record = try read.1.get()
            if let record { try RecordCheck.refuseMisnamedIncident(id: record.id, document: name) }  // anyone can seal to the public key
            return record
        }
    }
}
