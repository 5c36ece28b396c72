import Foundation

extension IncidentLog {
    /// Brings the log up to date with what other sessions committed to these documents: new
    /// and changed incidents are read again (and checked against who may open them), deleted
    /// ones dropped. Others' documents are ignored.
    func refresh(documents: Set<String>) throws {
        for name in documents.sorted() where name.hasPrefix(Self.folder + "/") {
            let id = Self.id(ofDocument: name)
            openedRecords[id] = nil
            guard store.committedRevision(of: name) != nil else {
                allIDs.remove(id)
                forget(id)
                continue
            }
            allIDs.insert(id)
            guard (try? vault.require(.readIncidents)) != nil else { continue }
            guard let record = try readRecord(document: name) else {
                forget(id)
                continue
            }
            didCommit(record)
        }
    }
}
