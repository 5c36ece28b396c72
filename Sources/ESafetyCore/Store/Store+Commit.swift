import Foundation

/// Committing: the one way anything in a store changes (docs/concurrency.md).
///
/// Under the commit lock:
/// 1. catch up with what other sessions committed, finishing a commit a crashed one left;
/// 2. run the caller's transaction on that state (it reads and stages documents);
/// 3. write `.commit` naming the sequence and the documents, then each document's new bytes,
///    with its new `_revision`, to `.NAME.json.tmp-commit-SEQ` beside it; fsync them and their folders
///    (together: StoreSyncBatch.swift);
/// 4. append the audit entry (every document's revision and SHA-256) and fsync it: the commit
///    point. A failure before here leaves nothing changed, and the temporary files go;
/// 5. put each temporary file in its document's place, by exchange where the document exists
///    (StoreSparePool.swift), or delete it; write `audit.head`; release the lock;
/// 6. fsync `audit.head` and the folders together. `.commit`, marked placed in step 5, stays: the
///    next commit finds it naming the last entry in step 1, syncs the same folders and
///    `audit.head`, and only then writes its own marker; `close()` empties it if the lock is free.
/// A crash after step 4 is finished by the next session to take the lock; before it, undone.
/// Step 6 outside the lock is what lets the next commit start while this one's renames reach
/// the disk; the marker it leaves until then keeps a power cut from losing them unnoticed.
extension Store {
    /// Entries between anchors of the ledger (``AuditEntry/ledgerHash``).
    static let anchorInterval = 256
    /// The commit marker's name in the store folder.
    static let commitMarkerName = ".commit"

    /// Runs `body` under the commit lock on the store as last committed, then commits what it
    /// staged (all of it, with one audit entry) and returns its result. A body that stages no
    /// document records an event (its entry names no document).
    /// - Throws: whatever `body` throws (nothing is written); ``StoreError/readOnly(file:)``,
    ///   ``StoreError/busy(owner:)``, ``StoreError/auditLogBroken(problems:)``, ``StoreError/tampered(file:reason:)``
    ///   for a document that fails its proof, ``StoreError/diskFull(file:)``, ``StoreError/writeFailed(file:reason:nothingChanged:)``.
    @discardableResult
    public func commit<R>(actor: AuditActor, action: String, recordID: String? = nil, summary: String = "",
                          _ body: (StoreTransaction) throws -> R) throws -> R {
        guard access == .readWrite || recordsOnReadOnly != nil else { throw StoreError.readOnly(file: summary.isEmpty ? action : summary) }
        guard !isClosed, let commitLock else { throw StoreError.closed(directory: path) }
        if auditLog == nil, access == .readOnly {  // a read-only session records what it may (who looked, a wrong passphrase)
            auditLog = try StoreAuditLog(directory: path, create: false)
        }
        let ownsLock = !holdsLockForCreation
        // Others' entries read (and their signatures proven) before the lock, as the app reads
        // them every second: under it, only those committed while this one waited are left.
        if ownsLock { _ = try? catchUp() }
        if ownsLock { try commitLock.acquire(timeout: commitLockTimeout, now: now()) }
        var anchored: Data?
        var written: AuditEntry?
        var placed: PlacedCommit?
        defer {
            if ownsLock { commitLock.release() }
            // After the lock, so nobody waits for them: step 6, the ledger's copy, and the proof
            // of this session's own entry (its signature, once its files are in place).
            if let placed { makeDurable(placed, ownsLock: ownsLock) }
            if let anchored { writeLedgerSnapshot(anchored) }
            if let written { noteEntryProblem(written) }
        }
        try catchUpLocked()  // Store+Recovery.swift
        try signer?.confirmEntitled()
        let transaction = StoreTransaction(store: self, recordID: recordID, summary: summary)
        let result = try body(transaction)
        if transaction.writes.isEmpty && transaction.acknowledged.isEmpty && transaction.summary.isEmpty {
            return result  // nothing to commit, not even an event
        }
        if access == .readOnly, let refused = transaction.writes.first(where: { !(recordsOnReadOnly?($0.document.name) ?? false) }) {
            throw StoreError.readOnly(file: refused.document.relativePath)
        }
        let unacknowledged = ledger.problems.filter { !transaction.acknowledged.contains($0.key) }
        if !unacknowledged.isEmpty { throw StoreError.auditLogBroken(problems: unacknowledged.map(\.description)) }
        (anchored, written, placed) = try write(transaction, actor: actor, action: action)
        return result
    }

    private struct Planned {
        var document: StoreDocumentName
        var temporary: String
        var data: Data?
        var change: AuditDocumentChange
    }

    /// The temporary file a commit writes a document's new bytes to.
    static func commitTemporaryPath(for target: String, sequence: Int) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        return (folder as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).tmp-commit-\(sequence)")
    }

    /// A commit whose documents are in place, still to be made durable (step 6).
    struct PlacedCommit {
        var sequence: Int
        var durable: StoreSyncBatch
    }

    /// Writes the commit; returns the ledger text to leave in `cache/` when this entry anchors it,
    /// the entry, and what step 6 must sync (nil if step 5 failed: the marker stays).
    private func write(_ transaction: StoreTransaction, actor: AuditActor, action: String) throws -> (Data?, AuditEntry, PlacedCommit?) {
        let sequence = nextSequence(acknowledging: transaction.acknowledged)
        var planned: [Planned] = []
        for staged in transaction.writes {
            if !transaction.overwritesUnproven { try refuseUnlessProven(staged.document) }  // Store+Verification.swift
            let revision = (ledger.state(of: staged.document.name)?.revision ?? 0) + 1
            let target = filePath(staged.document)
            let temporary = Self.commitTemporaryPath(for: target, sequence: sequence)
            guard let raw = staged.data else {
                planned.append(Planned(document: staged.document, temporary: temporary, data: nil,
                                       change: AuditDocumentChange(document: staged.document.name, revision: revision, sha256: nil, deleted: true)))
                continue
            }
            let data = staged.isRaw ? try StoreRevision.restamp(raw, revision: revision, file: staged.document.relativePath)
                                    : try StoreRevision.stampEncoded(raw, revision: revision, file: staged.document.relativePath)
            planned.append(Planned(document: staged.document, temporary: temporary, data: data,
                                   change: AuditDocumentChange(document: staged.document.name, revision: revision,
                                                               sha256: StoreAuditLog.hash(data))))
        }
        try prepare(planned, sequence: sequence)
        for item in planned where transaction.keepsDailyBackups && StoreFileIO.isRegularFile(filePath(item.document)) {
            keepDailyBackup(of: item.document.relativePath, now: now())  // Store+Backups.swift
        }
        var entry = AuditEntry(sequence: sequence, at: Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down)),
                               actor: actor, action: action, document: planned.first?.document.name ?? "-",
                               recordID: transaction.recordID, summary: transaction.summary, previousHash: ledger.lastLineHash,
                               documents: planned.isEmpty ? nil : planned.map(\.change),
                               allocated: transaction.allocations.isEmpty ? nil : transaction.allocations,
                               acknowledges: transaction.acknowledged.isEmpty ? nil : transaction.acknowledged)
        var anchored: Data?
        if sequence - ledger.anchorSequence >= Self.anchorInterval || ledger.anchorSequence == 0 && sequence > 1 {
            anchored = ledger.after(entry).canonicalText()
            entry.ledgerHash = anchored.map(StoreLedger.hash(ofCanonical:))
        }
        guard let auditLog else { throw StoreError.closed(directory: path) }
        if let signer = transaction.signer ?? signer, !signer.signerID.isEmpty {
            entry.signer = signer.signerID
            entry.signature = try signer.sign(auditLog.encode(entry)).base64EncodedString()
        }
        let line = try auditLog.encode(entry)
        let size = ledger.offset
        do {
            try auditLog.append(line: line, at: size)
        } catch {
            discard(planned)
            throw Self.storeError(error, file: StoreAuditLog.fileName, nothingChanged: true)
        }
        // Committed.
        ledger.apply(StoreAuditReader.Line(number: ledger.lineCount + 1, entry: entry, problem: nil,
                                           hash: StoreAuditLog.hash(line), end: size + line.count + 1))
        changeCount += 1
        try afterCommitPointHook?()
        // From here the commit has happened, so nothing is reported as failed (a retry would
        // record it twice): if a rename or audit.head cannot be written (a disk that filled up
        // just now), `.commit` stays, and the next commit or opening, in any session, finishes it.
        var placed: PlacedCommit?
        do {
            placed = try place(planned, sequence: sequence)
        } catch {
            unfinishedCommit = Self.reason(error)
        }
        return (anchored, entry, placed)
    }

    /// The next entry's number: one more than any the log or `audit.head` has used, so that an
    /// acknowledgement of lost entries never gives their numbers out again.
    private func nextSequence(acknowledging keys: [String]) -> Int {
        let lost = keys.compactMap { key -> Int? in
            guard key.hasPrefix("lost:"), let last = key.split(separator: "-").last else { return nil }
            return Int(last)
        }
        return max(ledger.lastSequence, lost.max() ?? 0) + 1
    }

    /// Step 3: the marker and the temporary files, durable. Undone on any failure.
    private func prepare(_ planned: [Planned], sequence: Int) throws {
        var durable = StoreSyncBatch()  // all made durable together, before the entry
        do {
            // The marker first: a session killed after it leaves only files the marker names.
            if !planned.isEmpty {
                let data = try CommitMarker(sequence: sequence, documents: planned.map(\.document.name)).encoded()
                if !StoreFileIO.isRegularFile(markerPath) { durable.folder(path) }
                try StoreFileIO.overwriteInPlace(markerPath, with: data, sync: false)
                durable.file(markerPath)
            }
            var folders: [String] = []
            for item in planned {
                let folder = (item.temporary as NSString).deletingLastPathComponent
                folders.append(folder)
                try StoreFileIO.refuseLinks(below: path, in: folder)
                guard let data = item.data else { continue }
                if let parent = item.document.folder {
                    let created = try StoreFileIO.makeDirectories((path as NSString).appendingPathComponent(parent))
                    createdPaths?.append(contentsOf: created)
                }
                try spares.write(data, to: item.temporary)  // into an emptied file where there is one (StoreSparePool.swift)
                durable.file(item.temporary)
                if !StoreFileIO.isRegularFile(filePath(item.document)) { createdPaths?.append(filePath(item.document)) }
            }
            for folder in folders.sorted() { durable.folder(folder) }
            try durable.sync()
            try beforeCommitHook?()
        } catch {
            discard(planned)
            throw Self.storeError(error, file: planned.first?.document.relativePath ?? Self.commitMarkerName, nothingChanged: true)
        }
    }

    /// Removes what ``prepare(_:sequence:)`` wrote: nothing was committed. The marker goes
    /// back to what it was (the last commit's, placed, or empty).
    private func discard(_ planned: [Planned]) {
        for item in planned { unlink(item.temporary) }
        if let restingMarker { try? StoreFileIO.overwriteInPlace(markerPath, with: restingMarker, sync: false) } else { clearMarker() }
    }

    /// Empties `.commit` (kept, so that the next commit overwrites it in place). Not synced: a
    /// marker that outlives a power cut names a finished commit, which the next session checks
    /// and clears.
    func clearMarker() {
        try? StoreFileIO.overwriteInPlace(markerPath, with: Data(), sync: false)
    }

    /// Step 5: the documents take their place; `audit.head`. Returns what step 6 syncs.
    private func place(_ planned: [Planned], sequence: Int) throws -> PlacedCommit {
        var folders: [String] = []
        for item in planned {
            let target = filePath(item.document)
            folders.append((target as NSString).deletingLastPathComponent)
            if item.data == nil {
                guard unlink(target) == 0 || errno == ENOENT else { throw StoreIOFailure(operation: "delete", path: target, code: errno) }
                proven[item.document.name] = nil
                readRevisions[item.document.name] = nil
                continue
            }
            try spares.place(item.temporary, over: target)
        }
        // The renames and audit.head, durable together in step 6: a power cut that keeps one and
        // not the other leaves the marker, so the next session finishes the commit.
        var durable = StoreSyncBatch()
        for folder in folders.sorted() { durable.folder(folder) }
        try writeHead(syncingIn: &durable)
        if !planned.isEmpty {  // not synced: recovery trusts the files, not this flag (Store+Recovery.swift)
            let marker = CommitMarker(sequence: sequence, documents: planned.map(\.document.name), placed: true)
            try? StoreFileIO.overwriteInPlace(markerPath, with: marker.encoded(), sync: false)
        }
        for item in planned where item.data != nil {
            if let stamp = try StoreFileIO.stamp(filePath(item.document)) {
                proven[item.document.name] = (stamp, item.change.revision)
                readRevisions[item.document.name] = item.change.revision
            }
        }
        unfinishedCommit = nil
        return PlacedCommit(sequence: sequence, durable: durable)
    }

    /// Step 6, after the lock: the renames and `audit.head` synced. The marker is left naming
    /// this commit: emptying it needs the lock, and taking the lock again here jumps the queue of
    /// sessions waiting for it. Whoever takes the lock next finds the marker naming the last
    /// entry and syncs the same files before writing its own (Store+Recovery.swift), and
    /// ``close()`` empties it if it is still this session's.
    private func makeDurable(_ placed: PlacedCommit, ownsLock: Bool) {
        do {
            try placed.durable.sync()
            lastDurableCommit = placed.sequence
        } catch {
            unfinishedCommit = Self.reason(error)  // the marker stays: the next commit syncs again
            return
        }
        if !ownsLock, readMarker()?.sequence == placed.sequence { clearMarker() }  // a new store's first commits, under its creation lock
    }

    /// At close: empties the marker if it still names this session's last commit, made durable,
    /// and the lock is free at once (else the next commit or opening does).
    func clearOwnMarker() {
        guard let sequence = lastDurableCommit, let commitLock, commitLock.acquireIfFree(now: now()) else { return }
        defer { commitLock.release() }
        if readMarker()?.sequence == sequence, ledger.lastSequence == sequence { clearMarker() }
    }

    /// `audit.head` for the last entry read or written.
    func writeHead() throws {
        try StoreAuditHead(sequence: ledger.lastSequence, hash: ledger.lastLineHash).write(directory: path)
    }

    /// `audit.head` written, and named in `batch` to be made durable with the rest of a step.
    func writeHead(syncingIn batch: inout StoreSyncBatch) throws {
        let head = (path as NSString).appendingPathComponent(StoreAuditHead.fileName)
        if !StoreFileIO.isRegularFile(head) { batch.folder(path) }
        try StoreAuditHead(sequence: ledger.lastSequence, hash: ledger.lastLineHash).write(directory: path, sync: false)
        batch.file(head)
    }

    /// The emptied files commits write into.
    var spares: StoreSparePool { StoreSparePool(storePath: path) }

    var markerPath: String { (path as NSString).appendingPathComponent(Self.commitMarkerName) }

    /// The error people see for a failed write: a full disk in plain words.
    static func storeError(_ error: Error, file: String, nothingChanged: Bool) -> Error {
        if let storeError = error as? StoreError { return storeError }
        if let atomic = error as? StoreAtomicWriteFailure {
            return storeError(atomic.underlying, file: file, nothingChanged: nothingChanged && !atomic.committed)
        }
        if let failure = error as? StoreIOFailure {
            if failure.code == ENOSPC || failure.code == EDQUOT { return StoreError.diskFull(file: file) }
            return StoreError.writeFailed(file: file, reason: failure.reason, nothingChanged: nothingChanged)
        }
        return StoreError.writeFailed(file: file, reason: reason(error), nothingChanged: nothingChanged)
    }

    static func reason(_ error: Error) -> String {
        (error as? StoreIOFailure)?.reason ?? (error as? StoreAtomicWriteFailure)?.underlying.reason ?? String(describing: error)
    }
}

/// `.commit`: the commit being written, so that a session that finds it (after a crash) can
/// finish it, if its entry is in the log, or undo it, if not.
struct CommitMarker: Codable, Equatable {
    var sequence: Int
    var documents: [String]
    /// True once every document is in place and `audit.head` written (step 5): only step 6's
    /// sync may be left, and a missing or older `audit.head` is no longer a commit under way.
    var placed: Bool?

    /// The sequence of a commit that may not have written `audit.head` yet (nil once it has).
    var unplacedSequence: Int? { placed == true ? nil : sequence }

    func encoded() throws -> Data {
        var data = try StoreJSON.makeLineEncoder().encode(self)
        data.append(0x0A)
        return data
    }
}
