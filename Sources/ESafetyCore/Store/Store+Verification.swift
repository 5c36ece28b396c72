import Foundation

/// Proving documents against the audit log: every document read is strict JSON whose SHA-256 is
/// the one its last entry records, whatever its file times say. One that is not was changed,
/// put back, swapped or deleted outside esafety (or by a commit still being written, which is
/// waited for first), and is refused, named, and never written over.
extension Store {
    /// The document's bytes, proven (drafts and caches are only checked to be strict JSON);
    /// nil if it does not exist and the log agrees.
    func readProven(_ document: StoreDocumentName) throws -> Data? {
        var settled = false
        while true {
            let contents: (data: Data, stamp: StoreFileStamp)?
            do {
                contents = try StoreFileIO.readFile(filePath(document))
            } catch let failure as StoreIOFailure {
                if failure.code == ELOOP {
                    throw StoreError.tampered(file: document.relativePath, reason: "is a symbolic link; esafety reads no file "
                        + "through a link, so that nothing outside the store can stand in for a record")
                }
                throw StoreError.readFailed(file: document.relativePath, reason: failure.reason)
            }
            guard let contents else {
                if document.isUnaudited || !provesDocuments || ledger.state(of: document.name).map({ $0.isDeleted }) ?? true {
                    proven[document.name] = nil
                    return nil
                }
                if !settled { try settle(); settled = true; continue }
                throw StoreError.tampered(file: document.relativePath, reason: mismatch(document, sha256: nil, revision: nil))
            }
            let outline: StoreJSONValidator.Outline
            switch StoreJSONValidator.validate(contents.data) {
            case .success(let found): outline = found
            case .failure(let problem):
                proven[document.name] = nil
                let empty = contents.data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                throw StoreError.corrupt(file: document.relativePath, reason: empty ? StoreJSONDiagnostics.emptyReason : problem.description)
            }
            if document.isUnaudited || !provesDocuments && access == .readOnly { return contents.data }
            let sha = StoreAuditLog.hash(contents.data)
            if let state = ledger.state(of: document.name), state.sha256 == sha {
                proven[document.name] = (contents.stamp, state.revision)
                return contents.data
            }
            if !settled { try settle(); settled = true; continue }
            proven[document.name] = nil
            throw StoreError.tampered(file: document.relativePath, reason: mismatch(document, sha256: sha, revision: outline.revision))
        }
    }

    /// Before a commit writes over a document: it must be the version the log records (checked
    /// by its stamp when this store proved it, else read again).
    func refuseUnlessProven(_ document: StoreDocumentName) throws {
        let stamp: StoreFileStamp?
        do {
            stamp = try StoreFileIO.stamp(filePath(document))
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: document.relativePath, reason: failure.reason)
        }
        let state = ledger.state(of: document.name)
        if let stamp, let known = proven[document.name], known.stamp == stamp, known.revision == state?.revision, state?.isDeleted == false {
            return
        }
        if stamp == nil, state == nil || state?.isDeleted == true { return }
        _ = try readProven(document)
    }

    /// Lets a commit in progress finish (or a crashed one be put right) before a document that
    /// does not match is called tampered.
    private func settle() throws {
        if commitLock?.isHeld == true { return }  // inside a commit: the log is already read
        if access == .readWrite {
            try finishInterruptedCommit()
        } else {
            commitLock?.whileNoCommitIsWritten { _ = try? catchUp(reportingChanges: true) }
            if commitLock == nil { try catchUp(reportingChanges: true) }
        }
    }

    /// Why a document's file does not match the log, in words: what happened to it, as far as
    /// the file and its last entry tell.
    func mismatch(_ document: StoreDocumentName, sha256: String?, revision: Int?) -> String {
        guard let state = ledger.state(of: document.name) else {
            return "is not accounted for by any entry of the audit log: it was not written by esafety (or the end of the log "
                + "was cut off)"
        }
        guard let sha256 else {
            return "has been deleted outside esafety: the audit log's entry \(state.sequence) says it holds revision \(state.revision)"
        }
        if state.isDeleted {
            return "was deleted by the audit log's entry \(state.sequence), but a file is there again (\(sha256.prefix(12))…)"
        }
        let which = "the audit log's entry \(state.sequence) says revision \(state.revision)"
        if let revision, revision < state.revision {
            return "is revision \(revision), but \(which): an older copy was put back in its place"
        }
        if let revision, revision > state.revision {
            return "says revision \(revision), but \(which): the end of the audit log may have been cut off"
        }
        return "does not match its last audit entry (\(which), with another SHA-256): it was changed outside esafety"
    }
}
