import Foundation

/// Putting a store right after esafety was killed in the middle of a save (power cut, SIGKILL,
/// a crash). Runs on every read-write open, under the lock, so no other esafety is saving.
///
/// A save is: note the document in `.saving`, write `.NAME.json.tmp-PID`, fsync, rename over
/// `NAME.json`, fsync the folder, append the audit line, remove `.saving`. Killed before the
/// rename, it leaves a temporary file and the old document intact; killed between the rename and
/// the audit line, the new document is in place but the log does not mention it. Either way
/// nothing acknowledged is lost (a save is acknowledged only after its audit line), and
/// `esafety check` would report the leftover.
///
/// So the next opening reads `.saving` (one small file: nothing to scan, whatever the size of the
/// store), removes that document's temporary files, and if the document changed after its last
/// audit entry (check()'s own test, to the second) appends a `store.recover` entry saying so.
/// A document edited outside esafety is not touched by this: `esafety check` still reports it.
extension Store {
    /// The file naming the document a save is writing, while it is: `.saving` in the store folder.
    static let savingMarkerName = ".saving"

    /// What the last recovery did, for tests and the curious.
    struct RecoveryReport: Equatable {
        var removedTemporaryFiles: [String] = []
        var recordedDocuments: [String] = []
    }

    private var savingMarkerPath: String { (directory.path as NSString).appendingPathComponent(Self.savingMarkerName) }

    /// Notes that `document` is being saved (no fsync: it only needs to outlive the process).
    func markSaving(_ document: StoreDocumentName) {
        guard let fd = try? StoreFileIO.openOwnerOnly(savingMarkerPath, flags: O_WRONLY | O_TRUNC) else { return }
        defer { StoreFileIO.closeDescriptor(fd) }
        try? StoreFileIO.writeAll(fd, Data(document.name.utf8), path: savingMarkerPath)
    }

    /// The save noted by ``markSaving(_:)`` is complete (committed and audited, or failed cleanly).
    func clearSaving() { unlink(savingMarkerPath) }

    @discardableResult
    func recoverInterruptedSaves() throws -> RecoveryReport {
        var report = RecoveryReport()
        // audit.head is rewritten after every audit line; a kill while writing it leaves its
        // temporary file, which is only ever a stale copy and is removed here.
        let headPrefix = "." + StoreAuditHead.fileName + ".tmp-"
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted() where entry.hasPrefix(headPrefix) {
            if unlink((directory.path as NSString).appendingPathComponent(entry)) == 0 { report.removedTemporaryFiles.append(entry) }
        }
        // A kill between an audit line and its head leaves the head behind: bring it up to date.
        if let auditLog, auditLog.lastSequence > 0, StoreAuditHead.read(directory: directory.path)?.sequence != auditLog.lastSequence {
            try? StoreAuditHead(sequence: auditLog.lastSequence, hash: auditLog.lastLineHash).write(directory: directory.path)
        }
        guard let data = FileManager.default.contents(atPath: savingMarkerPath) else { return report }
        let name = String(decoding: data, as: UTF8.self)
        guard let document = try? StoreDocumentName(name) else { clearSaving(); return report }
        let target = (directory.path as NSString).appendingPathComponent(document.relativePath)
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + ".tmp-"
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where entry.hasPrefix(prefix) {
            if unlink((folder as NSString).appendingPathComponent(entry)) == 0 {
                report.removedTemporaryFiles.append((document.relativePath as NSString).deletingLastPathComponent.isEmpty
                    ? entry : (document.relativePath as NSString).deletingLastPathComponent + "/" + entry)
            }
        }
        if !document.isUnaudited, let info = try? StoreFileIO.status(target) {
            let modified = Int64(info.st_mtim.tv_sec)
            var logged = lastEntryTimes(wholeLog: false)
            if logged[document.name] == nil { logged = lastEntryTimes(wholeLog: true) }  // an entry further back
            if (logged[document.name].map { Int64($0.timeIntervalSince1970) < modified }) ?? true {
                try appendAudit(actor: .system, action: "store.recover", document: document.name, recordID: nil,
                                summary: "\(document.name) was saved but esafety stopped before recording the change here; "
                                    + "recorded on the next opening. The document is as that save left it")
                report.recordedDocuments.append(document.name)
            }
        }
        clearSaving()
        return report
    }

    /// The time of the last entry for each document among the audit log's last 64 KB (or all of it).
    private func lastEntryTimes(wholeLog: Bool) -> [String: Date] {
        let auditPath = (directory.path as NSString).appendingPathComponent(StoreAuditLog.fileName)
        guard let handle = FileHandle(forReadingAtPath: auditPath) else { return [:] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > 65_536 && !wholeLog ? size - 65_536 : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        var lines = data.split(separator: 0x0A)
        if start > 0 && !lines.isEmpty { lines.removeFirst() }  // cut part-way through
        let decoder = StoreJSON.makeDecoder()
        var times: [String: Date] = [:]
        for line in lines {
            guard let entry = try? decoder.decode(AuditEntry.self, from: Data(line)) else { continue }
            times[entry.document] = max(times[entry.document] ?? entry.at, entry.at)
        }
        return times
    }
}
