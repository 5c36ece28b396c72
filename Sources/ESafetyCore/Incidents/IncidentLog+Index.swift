import Foundation

/// Reconciling the sealed incident index with the files: the log lists incidents from the index
/// where a file is as the index last saw it, and opens the others (then the index is brought up
/// to date, and entries of deleted files dropped).
extension IncidentLog {
    /// The summaries of every incident in `stamps` that the session may read, unsorted: from the
    /// sealed index where an incident's file is as the index last saw it, otherwise by opening
    /// the file. The index is saved again if it changed and the store is writable.
    func readableSummaries(stamps: [String: StoreFileStamp]) throws -> [IncidentSummary] {
        let indexKey = vault.indexKey
        var index = indexKey.map { IncidentIndex.load(from: store, key: $0) } ?? IncidentIndex()
        var indexChanged = false
        var readable: [IncidentSummary] = []
        let sorted = stamps.sorted(by: { $0.key < $1.key })
        let unindexed = sorted.filter { name, stamp in index.entries[Self.id(ofDocument: name)]?.stamp != stamp }.map(\.key)
        let opened = Dictionary(uniqueKeysWithValues: zip(unindexed, try readRecords(documents: unindexed)))
        for (name, stamp) in sorted {
            let id = Self.id(ofDocument: name)
            let summary: IncidentSummary
            if let entry = index.entries[id], entry.stamp == stamp {
                summary = entry.summary
            } else {
                guard let record = opened[name] ?? nil else { continue }
                summary = IncidentSummary(record)
                // An allegation against staff is not in the index, which every records-key holder
                // (its subject too) can open: its recipients open the record itself each time.
                if !summary.isStaffAllegation {
                    index.entries[id] = IncidentIndex.Entry(summary: summary, stamp: stamp)
                    indexChanged = true
                }
            }
            if vault.mayOpen(summary) { readable.append(summary) }
        }
        for id in index.entries.keys where !allIDs.contains(id) {
            index.entries[id] = nil
            indexChanged = true
        }
        // The index is a cache: if it cannot be saved (a read-only store, a full disk), the log
        // still opens, and the next opening reads the same files again.
        if indexChanged, let indexKey, store.access == .readWrite {
            try? index.save(to: store, key: indexKey)
        }
        return readable
    }
}
