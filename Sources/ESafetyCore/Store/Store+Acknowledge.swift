import Foundation

/// What an administrator does about a break that cannot be put right from a backup: after
/// looking, acknowledge it with a reason. Each acknowledgement is itself a commit, so the loss
/// and who accepted it stay in the record; nothing re-chains the log quietly.
extension Store {
    /// The breaks in the audit log that stop commits, as `check` describes them (after catching up).
    public func unacknowledgedLogProblems() throws -> [String] {
        if access == .readWrite {
            try finishInterruptedCommit()
        } else {
            try catchUp(reportingChanges: false)
        }
        return ledger.problems.map(\.description)
    }

    /// Acknowledges every break in the audit log, with the reason, in one audited commit; later
    /// commits are then allowed, and `check` lists the break as acknowledged.
    /// - Returns: the problems acknowledged (empty if there were none, and nothing is written).
    @discardableResult
    public func acknowledgeLogProblems(reason: String, actor: AuditActor) throws -> [String] {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.acknowledgementNeedsReason }
        var acknowledged: [String] = []
        try commit(actor: actor, action: "store.acknowledge") { transaction in
            acknowledged = ledger.problems.map(\.description)
            transaction.acknowledge(ledger.problems.map(\.key))
            transaction.summary = "Acknowledged after review: \(acknowledged.joined(separator: "; ")). Reason: \(reason)"
        }
        return acknowledged
    }

    /// Accepts a document as it now is (changed outside esafety, say by IT support repairing it
    /// by hand) as its next revision, with the reason: one audited commit. Its bytes are kept as
    /// they are, but for its `_revision`.
    public func acceptDocument(_ name: String, reason: String, actor: AuditActor) throws {
        let document = try StoreDocumentName(name.hasSuffix(".json") ? String(name.dropLast(5)) : name)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.acknowledgementNeedsReason }
        try commit(actor: actor, action: "store.accept", recordID: nil) { transaction in
            transaction.overwritesUnproven = true
            let problem: String
            do {
                _ = try readProven(document)
                problem = "it matched its last entry already"
            } catch let StoreError.tampered(_, found) {
                problem = found
            }
            guard let contents = try StoreFileIO.readFile(filePath(document)) else {
                throw StoreError.readFailed(file: document.relativePath, reason: "there is no file to accept; restore it instead")
            }
            try transaction.writeRaw(contents.data, to: document)
            transaction.summary = "Accepted \(document.relativePath) as it is (\(problem)). Reason: \(reason)"
        }
    }
}
