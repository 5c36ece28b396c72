import Foundation

/// The store's own backups, and putting a document back from one (`esafety restore`).
///
/// The first time a document is changed on a day, the version it had until then is copied to
/// `backups/daily/<yyyy-mm-dd>/<its path>` (for example `backups/daily/2026-11-25/incidents/2026-0007.json`),
/// owner-only. So each day's folder holds every document changed that day as it was at the start
/// of the day. The newest ``dailyBackupDays`` days are kept; older day folders are removed when the
/// store is opened read-write. Copies are not fsynced: they are a way back from a bad file, not
/// part of the atomic save.
extension Store {
    /// How many days of daily backups are kept.
    public static let dailyBackupDays = 30
    /// `backups/daily`.
    public static let dailyBackupsFolder = StoreMigration.backupsFolder + "/daily"

    /// Copies the document's current file to today's backup folder, unless there is a copy there
    /// already. Failing to make a copy does not stop the save (it is reported by nothing: the
    /// save itself is still atomic and audited).
    func keepDailyBackup(of relativePath: String, now: Date) {
        let source = (directory.path as NSString).appendingPathComponent(relativePath)
        guard StoreFileIO.isRegularFile(source) else { return }
        let day = String(StoreJSON.string(from: now).prefix(10))  // UTC day
        let folder = (directory.path as NSString).appendingPathComponent("\(Self.dailyBackupsFolder)/\(day)")
        let target = (folder as NSString).appendingPathComponent(relativePath)
        guard !StoreFileIO.isRegularFile(target), let data = FileManager.default.contents(atPath: source) else { return }
        do {
            try StoreFileIO.refuseLinks(below: directory.path, in: (target as NSString).deletingLastPathComponent)
            _ = try StoreFileIO.makeDirectories((target as NSString).deletingLastPathComponent)
            let fd = try StoreFileIO.openOwnerOnly(target, flags: O_WRONLY | O_EXCL)
            defer { StoreFileIO.closeDescriptor(fd) }
            try StoreFileIO.writeAll(fd, data, path: target)
        } catch {
            unlink(target)
        }
    }

    /// Removes daily backup folders beyond the newest ``dailyBackupDays``.
    func pruneDailyBackups() {
        let folder = (directory.path as NSString).appendingPathComponent(Self.dailyBackupsFolder)
        let days = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for day in days.dropLast(Self.dailyBackupDays) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(day))
        }
    }

    /// The days that have a backup of `document` (`"incidents/2026-0007"` or `"incidents/2026-0007.json"`), newest first.
    public func backupDays(of document: String) -> [String] {
        let relative = document.hasSuffix(".json") ? document : document + ".json"
        let folder = (directory.path as NSString).appendingPathComponent(Self.dailyBackupsFolder)
        let days = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
        return days.filter { StoreFileIO.isRegularFile((folder as NSString).appendingPathComponent("\($0)/\(relative)")) }.sorted(by: >)
    }

    /// Puts a document back as it was in the daily backup of `day` (the newest if nil), as a
    /// new revision: one commit, audited, which may replace a file that fails its proof (that is
    /// what restoring is for).
    ///
    /// The current file, if any, is first linked to `backups/replaced/<time>/<its path>`, so
    /// nothing is lost. `day` must be a day folder under `backups/daily/` (never a path), and the
    /// backup must be a strict JSON object.
    /// - Returns: where the replaced file was kept (nil if there was none), the day used, and the
    ///   revision the backup held.
    @discardableResult
    public func restore(_ document: String, fromDay day: String? = nil, actor: AuditActor) throws -> (keptAt: String?, day: String, revision: Int?) {
        let name = try StoreDocumentName(document.hasSuffix(".json") ? String(document.dropLast(5)) : document)
        guard !name.isUnaudited else { throw StoreError.invalidDocumentName(name.name) }
        guard access == .readWrite else { throw StoreError.readOnly(file: name.relativePath) }
        if let day, !Self.isDayName(day) {
            throw StoreError.readFailed(file: name.relativePath, reason: "\"\(day)\" is not a day (yyyy-mm-dd) of \(Self.dailyBackupsFolder)/")
        }
        guard let chosen = day ?? backupDays(of: name.relativePath).first else {
            throw StoreError.readFailed(file: name.relativePath, reason: "there is no backup of it under \(Self.dailyBackupsFolder)/")
        }
        let backupRelative = "\(Self.dailyBackupsFolder)/\(chosen)/\(name.relativePath)"
        let backup = (directory.path as NSString).appendingPathComponent(backupRelative)
        let contents: (data: Data, stamp: StoreFileStamp)?
        do {
            try StoreFileIO.refuseLinks(below: directory.path, in: backup)
            contents = try StoreFileIO.readFile(backup)
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: backupRelative, reason: failure.reason)
        }
        guard let data = contents?.data else {
            throw StoreError.readFailed(file: name.relativePath, reason: "there is no backup of it for \(chosen)")
        }
        if let problem = StoreJSONValidator.problem(in: data) { throw StoreError.corrupt(file: backupRelative, reason: problem) }
        let backupRevision = (try? StoreJSONValidator.validate(data).get())?.revision
        var keptAt: String?
        try commit(actor: actor, action: "store.restore") { transaction in
            transaction.overwritesUnproven = true
            let target = filePath(name)
            if StoreFileIO.isRegularFile(target) {
                let stamp = StoreJSON.string(from: now()).replacingOccurrences(of: ":", with: "")
                let relative = "\(StoreMigration.backupsFolder)/replaced/\(stamp)/\(name.relativePath)"
                let aside = (directory.path as NSString).appendingPathComponent(relative)
                do {
                    _ = try StoreFileIO.makeDirectories((aside as NSString).deletingLastPathComponent)
                    guard link(target, aside) == 0 else { throw StoreIOFailure(operation: "link", path: aside, code: errno) }
                } catch let failure as StoreIOFailure {
                    throw StoreError.writeFailed(file: name.relativePath, reason: failure.reason, nothingChanged: true)
                }
                keptAt = relative
            }
            try transaction.writeRaw(data, to: name)
            transaction.summary = "Restored \(name.relativePath) from the backup of \(chosen)"
                + (backupRevision.map { " (revision \($0))" } ?? "")
                + (keptAt.map { "; the file it replaced is kept at \($0)" } ?? "")
        }
        return (keptAt, chosen, backupRevision)
    }

    /// True for `yyyy-mm-dd`: the only names `--day` takes.
    static func isDayName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || (byte >= 0x30 && byte <= 0x39) }
    }
}
