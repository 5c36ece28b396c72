import Foundation

/// Putting a store right after esafety was killed in the middle of a save (power cut, SIGKILL,
/// a crash). Runs on every read-write open, under the lock, so no other esafety is saving.
///
/// A save is: write `.NAME.json.tmp-PID`, fsync, rename over `NAME.json`, fsync the folder,
/// append the audit line. Killed before the rename, it leaves a temporary file and the old
/// document intact; killed between the rename and the audit line, the new document is in place
/// but the log does not mention it. Either way nothing acknowledged is lost (a save is
/// acknowledged only after its audit line), and `esafety check` would report the leftover.
/// This removes the temporary files, and records any document changed after its last audit entry
/// (the test `esafety check` makes) with a `store.recover` entry, so the gap is written down in
/// the log rather than hidden.
///
/// Cheap on a large store: only folders changed in the 100 ms before the audit log was last
/// written or since are listed, only their files written in that time are candidates, and
/// usually only the log's last 64 KB is read for their entries. (The 100 ms are slack for
/// file-system clocks that tick coarsely; the decision itself is check()'s, to the second.)
extension Store {
    /// What the last recovery did, for tests and the curious.
    struct RecoveryReport: Equatable {
        var removedTemporaryFiles: [String] = []
        var recordedDocuments: [String] = []
    }

    @discardableResult
    func recoverInterruptedSaves() throws -> RecoveryReport {
        var report = RecoveryReport()
        let root = directory.path
        let auditPath = (root as NSString).appendingPathComponent(StoreAuditLog.fileName)
        guard let auditInfo = try? StoreFileIO.status(auditPath) else { return report }
        let auditTime = Self.nanoseconds(auditInfo.st_mtim) - 100_000_000
        var candidates: [(name: String, modifiedSecond: Int64)] = []
        var folders = [""]
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        where name != StoreMigration.backupsFolder && StoreFileIO.isDirectory((root as NSString).appendingPathComponent(name)) {
            folders.append(name)
        }
        for folder in folders {
            let folderPath = folder.isEmpty ? root : (root as NSString).appendingPathComponent(folder)
            // A rename or a new temporary file changes the folder's time: a folder untouched since
            // the audit log was last written holds neither, so its files need not be looked at.
            guard let folderInfo = try? StoreFileIO.status(folderPath), Self.nanoseconds(folderInfo.st_mtim) >= auditTime else { continue }
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []).sorted() {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                let path = (folderPath as NSString).appendingPathComponent(name)
                if StoreFileIO.isTemporaryName(name) {
                    if unlink(path) == 0 { report.removedTemporaryFiles.append(relative) }
                    continue
                }
                guard folder != StoreDocumentName.draftsFolder, name.hasSuffix(".json"), name != StoreManifest.fileName,
                      let document = StoreDocumentName.fromRelativePath(relative),
                      let info = try? StoreFileIO.status(path), Self.nanoseconds(info.st_mtim) >= auditTime else { continue }
                candidates.append((document.name, Int64(info.st_mtim.tv_sec)))
            }
        }
        if !candidates.isEmpty {
            var logged = lastEntryTimes(auditPath: auditPath, wholeLog: false)
            if candidates.contains(where: { logged[$0.name] == nil }) {
                logged = lastEntryTimes(auditPath: auditPath, wholeLog: true)  // an entry further back
            }
            for (name, modified) in candidates {
                // As check() judges it: no entry, or changed in a later second than its last entry.
                if let at = logged[name], Int64(at.timeIntervalSince1970) >= modified { continue }
                report.recordedDocuments.append(name)
            }
        }
        for name in report.recordedDocuments {
            try appendAudit(actor: .system, action: "store.recover", document: name, recordID: nil,
                            summary: "\(name) was saved but esafety stopped before recording the change here; "
                                + "recorded on the next opening. The document is as that save left it")
        }
        return report
    }

    /// The time of the last entry for each document among the audit log's last 64 KB (or all of it).
    private func lastEntryTimes(auditPath: String, wholeLog: Bool) -> [String: Date] {
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

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
}
