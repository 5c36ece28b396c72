import Foundation

/// Putting a store right after a session stopped in the middle of a commit (power cut, SIGKILL,
/// a crash). Runs under the commit lock, first thing in every commit and when a store opens
/// read-write, so whichever session comes next finishes the job.
///
/// A commit leaves `.commit` naming its sequence from before its audit entry until its
/// documents are in place (Store+Commit.swift). So:
/// - `.commit` names the log's last entry: the commit happened; its temporary files are put
///   into place (each proven against the entry's hash first; one that already holds the old
///   bytes, exchanged, is emptied into the spare pool) and `audit.head` written;
/// - `.commit` names the entry after the last: the commit never happened; its temporary files go;
/// - a line cut short at the end of the log is a commit's entry torn by a crash, never
///   committed: it is cut off (the only bytes of the log esafety ever removes).
extension Store {
    /// What the last recovery did, for tests and the curious.
    struct RecoveryReport: Equatable {
        var finishedCommit: Int?
        var undoneCommit: Int?
        var removedTemporaryFiles: [String] = []
        var tornBytesRemoved = 0
    }

    /// Takes the lock and puts right what a crashed session left (read-write opening).
    func finishInterruptedCommit() throws {
        guard let commitLock else { return }
        try commitLock.acquire(now: now())
        defer { commitLock.release() }
        try catchUpLocked(reportingChanges: false)
        var report = lastRecovery ?? RecoveryReport()
        removeStaleHeadTemporaries(report: &report)
        if report != RecoveryReport() { lastRecovery = report }
    }

    /// Under the commit lock: reads others' commits, finishes or undoes an interrupted one, and
    /// checks `audit.head`.
    func catchUpLocked(reportingChanges: Bool = true) throws {
        try catchUp(reportingChanges: reportingChanges)
        var report = RecoveryReport()
        restingMarker = nil
        if lastTornTail > 0, let auditLog {
            try? auditLog.cut(to: ledger.offset)
            report.tornBytesRemoved = lastTornTail
            lastTornTail = 0
        }
        if let (marker, bytes) = readMarkerAndBytes() {
            try recover(marker, bytes: bytes, report: &report)
        }
        if let problem = StoreAuditHead.problem(StoreAuditHead.read(directory: path), ledger: ledger, committing: nil) {
            ledger.note(problem)
        }
        if report != RecoveryReport() { lastRecovery = report }
    }

    func readMarker() -> CommitMarker? { readMarkerAndBytes()?.marker }

    /// `.commit` as read, and its bytes (nil if it is empty: no commit under way).
    private func readMarkerAndBytes() -> (marker: CommitMarker, bytes: Data)? {
        guard let contents = try? StoreFileIO.readFile(markerPath),
              contents.data.contains(where: { $0 != 0x20 && $0 != 0x0A }) else { return nil }
        return ((try? JSONDecoder().decode(CommitMarker.self, from: contents.data)) ?? CommitMarker(sequence: 0, documents: []), contents.data)
    }

    private func recover(_ marker: CommitMarker, bytes: Data, report: inout RecoveryReport) throws {
        if marker.sequence == ledger.lastSequence, let entry = ledger.lastEntry, entry.sequence == marker.sequence {
            var folders: Set<String> = []
            var finished = false  // false: the commit had placed everything, and only its step 6 is left
            for change in entry.documents ?? [] {
                guard let document = try? StoreDocumentName(change.document) else { continue }
                let target = filePath(document)
                let temporary = Self.commitTemporaryPath(for: target, sequence: marker.sequence)
                folders.insert((target as NSString).deletingLastPathComponent)
                if change.isDeletion {
                    if unlink(target) == 0 { finished = true }
                } else if let contents = try? StoreFileIO.readFile(temporary), StoreAuditLog.hash(contents.data) == change.sha256 {
                    do { try spares.place(temporary, over: target) } catch {
                        throw StoreError.writeFailed(file: document.relativePath, reason: Self.reason(error), nothingChanged: true)
                    }
                    finished = true
                } else if StoreFileIO.isRegularFile(temporary), let placed = try? StoreFileIO.readFile(target),
                          StoreAuditLog.hash(placed.data) == change.sha256 {
                    // Stopped after the exchange: the temporary name holds the old bytes.
                    spares.recycle(temporary)
                    report.removedTemporaryFiles.append((temporary as NSString).lastPathComponent)
                    finished = true
                }
            }
            // Its folders and audit.head made durable before the marker goes (a power cut must
            // not keep the empty marker and lose the renames): the commit's step 6, if it was
            // still under way or never ran.
            // A placed commit wrote audit.head itself: one missing or older now was changed since
            // (tampering, named by the caller's check), so it is not written over here.
            let head = StoreAuditHead.read(directory: path)
            let headIsCurrent = head?.sequence == ledger.lastSequence && head?.hash == ledger.lastLineHash
            let rewritesHead = !headIsCurrent && marker.placed != true
            if rewritesHead { finished = true }
            var durable = StoreSyncBatch()
            for folder in folders.sorted() { durable.folder(folder) }
            do {
                if rewritesHead {
                    try writeHead(syncingIn: &durable)
                } else if head != nil {
                    durable.file((path as NSString).appendingPathComponent(StoreAuditHead.fileName))
                }
                try durable.sync()
            } catch { throw Self.storeError(error, file: StoreAuditHead.fileName, nothingChanged: true) }
            unfinishedCommit = nil
            if finished {
                report.finishedCommit = marker.sequence
            } else if marker.placed == true {
                restingMarker = bytes  // left as it is: this commit's marker overwrites it
                if report != RecoveryReport() { lastRecovery = report }
                return
            }
        } else {
            for name in marker.documents {
                guard let document = try? StoreDocumentName(name) else { continue }
                let temporary = Self.commitTemporaryPath(for: filePath(document), sequence: marker.sequence)
                if unlink(temporary) == 0 { report.removedTemporaryFiles.append((temporary as NSString).lastPathComponent) }
            }
            if marker.sequence > ledger.lastSequence { report.undoneCommit = marker.sequence }
        }
        clearMarker()
    }

    /// A kill while `audit.head` or a cache was being replaced leaves its temporary file. One in
    /// `cache/` is removed only if the process its name ends with has gone (another session may
    /// be writing its own copy now).
    private func removeStaleHeadTemporaries(report: inout RecoveryReport) {
        let prefixes = ["." + StoreAuditHead.fileName + ".tmp-", ".saving"]
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        where prefixes.contains(where: { name.hasPrefix($0) }) {
            if unlink((path as NSString).appendingPathComponent(name)) == 0 { report.removedTemporaryFiles.append(name) }
        }
        let cache = (path as NSString).appendingPathComponent(StoreDocumentName.cacheFolder)
        guard (try? StoreFileIO.refuseLinks(below: path, in: cache)) != nil else { return }  // nothing removed through a link
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).sorted() where StoreFileIO.isTemporaryName(name) {
            guard let writer = name.split(separator: "-").last.flatMap({ pid_t($0) }), writer > 0,
                  kill(writer, 0) != 0, errno == ESRCH else { continue }
            if unlink((cache as NSString).appendingPathComponent(name)) == 0 {
                report.removedTemporaryFiles.append(StoreDocumentName.cacheFolder + "/" + name)
            }
        }
    }
}
