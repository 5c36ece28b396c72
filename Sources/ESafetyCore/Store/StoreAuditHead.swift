import Foundation

/// `audit.head`: the sequence number and hash of the last audit line, rewritten atomically after
/// each commit. It protects the newest entry, which has no later entry to carry its hash, and
/// tells a log whose end was cut off.
struct StoreAuditHead: Codable, Equatable {
    static let fileName = "audit.head"

    var sequence: Int
    var hash: String

    static func read(directory: String) -> StoreAuditHead? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let contents = try? StoreFileIO.readFile(path) else { return nil }
        return try? JSONDecoder().decode(StoreAuditHead.self, from: contents.data)
    }

    /// Overwrites the head in place; fsynced unless `sync` is false (a commit syncs it with
    /// its folders).
    func write(directory: String, sync: Bool = true) throws {
        // JSONEncoder's sorted-keys bytes (the hash is hex, so nothing needs escaping), made
        // without one at every commit.
        let data = Data("{\"hash\":\"\(hash)\",\"sequence\":\(sequence)}\n".utf8)
        // In place: a torn write (a power cut in the middle of these few bytes) is put right by
        // the next session, because the commit's marker is cleared only after this.
        try StoreFileIO.overwriteInPlace((directory as NSString).appendingPathComponent(Self.fileName), with: data, sync: sync)
    }

    /// What is wrong with `head` (nil if missing) for a log read to `ledger`'s end, if anything.
    /// `committing` is the sequence a `.commit` marker names: a session that stopped between
    /// its entry and the head leaves the head one behind, which is not tampering.
    static func problem(_ head: StoreAuditHead?, ledger: StoreLedger, committing: Int?) -> StoreLedger.LogProblem? {
        let last = ledger.lastSequence
        guard let head else {
            if last == 0 || committing == last { return nil }
            return StoreLedger.LogProblem(key: "head-missing:\(last)", description: "\(fileName) is missing, so nothing shows "
                + "whether entries were cut from the end of the log (it ends at entry \(last)); it was deleted outside esafety")
        }
        if head.sequence == last {
            if head.hash == ledger.lastLineHash { return nil }
            return StoreLedger.LogProblem(key: "changed:\(last)", description: "entry \(last) (line \(ledger.lineCount)) was changed "
                + "after it was written: \(fileName) records a different hash for it. The audit log has been tampered with or "
                + "damaged; compare it with a backup")
        }
        if head.sequence > last {
            return StoreLedger.LogProblem(key: "lost:\(last + 1)-\(head.sequence)", description: "the log ends at entry \(last) but "
                + "\(fileName) says entry \(head.sequence): entries \(StoreLedger.range(last + 1, head.sequence)) were cut from its end")
        }
        if committing == last && head.sequence == last - 1 { return nil }
        return StoreLedger.LogProblem(key: "head-behind:\(head.sequence)-\(last)", description: "\(fileName) says the log ends at "
            + "entry \(head.sequence), but it ends at entry \(last): \(fileName) was put back to an older copy, or entries were "
            + "added to the log outside esafety")
    }
}
