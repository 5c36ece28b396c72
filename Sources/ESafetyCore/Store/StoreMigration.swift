import Foundation

/// Upgrading a store written in an older format version: the file-level steps (see Store+Upgrade.swift for the rest).
///
/// - `steps[N]` upgrades a store folder in place from version N to N + 1. To add format version 2,
///   bump ``Store/formatVersion`` and add `1: { directory in ... }` here. A step rewrites each file
///   it changes with ``StoreFileIO/replaceAtomically(_:with:beforeRename:)`` and must be safe to run
///   again on a partly migrated folder (a crash mid-step leaves the manifest at the old version).
/// - Before the first step, the whole store except the lock, temporary files and earlier backups is
///   copied to `backups/<UTC timestamp>-v<N>/` with owner-only permissions, so that a failed or
///   mistaken migration can be undone by copying the files back.
/// - After the last step the manifest is rewritten with the new version; ``Store`` then appends a
///   `store.migrate` entry to the audit log naming the backup.
/// - Migration only happens on a read-write open, under the lock. A read-only open of an older
///   store is refused with ``StoreError/olderFormat(file:found:supported:)``.
enum StoreMigration {
    /// Upgrades the store folder at the given path by one format version, in place.
    typealias Step = @Sendable (_ directory: String) throws -> Void

    /// The upgrade steps, keyed by the version they upgrade from. From 1 to 2 no file changes
    /// shape: the store itself then records every document's revision and hash (Store+Upgrade.swift).
    static let steps: [Int: Step] = [1: { _ in }]

    /// The folder, relative to the store, where backups are made before a migration.
    static let backupsFolder = "backups"

    /// Backs up the store, then runs the steps from `manifest.formatVersion` up to `target`.
    /// - Returns: the backup folder, relative to the store.
    static func migrate(directory: String, manifest: StoreManifest, to target: Int, steps: [Int: Step],
                        now: Date) throws -> String {
        let from = manifest.formatVersion
        for version in from..<target where steps[version] == nil {
            throw StoreError.corrupt(
                file: StoreManifest.fileName,
                reason: "it says format version \(from), which this esafety cannot upgrade (no step from "
                    + "version \(version)); nothing was changed")
        }
        let backup = try makeBackup(directory: directory, version: from, now: now)
        var upgraded = manifest
        do {
            for version in from..<target {
                try steps[version]?(directory)
                upgraded.formatVersion = version + 1
                try upgraded.write(directory: directory)
            }
        } catch {
            throw StoreError.migrationFailed(from: from, to: target, backup: backup,
                                             reason: (error as? StoreError)?.description ?? "\(error)")
        }
        return backup
    }

    /// Copies the store's files to a new `backups/<timestamp>-v<version>/` folder.
    static func makeBackup(directory: String, version: Int, now: Date) throws -> String {
        let stamp = StoreJSON.string(from: now).replacingOccurrences(of: ":", with: "")
        var relative = "\(backupsFolder)/\(stamp)-v\(version)"
        var suffix = 2
        while FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(relative)) {
            relative = "\(backupsFolder)/\(stamp)-v\(version)-\(suffix)"
            suffix += 1
        }
        let destination = (directory as NSString).appendingPathComponent(relative)
        do {
            try StoreFileIO.makeDirectories(destination)
            try copyTree(from: directory, to: destination, skipping: [StoreCommitLock.fileName, backupsFolder, StoreDocumentName.cacheFolder])
        } catch let failure as StoreIOFailure {
            throw StoreError.writeFailed(file: relative, reason: "the backup before upgrading could not be made: "
                                         + failure.reason, nothingChanged: true)
        } catch let failure as StoreAtomicWriteFailure {
            throw StoreError.writeFailed(file: relative, reason: "the backup before upgrading could not be made: "
                                         + failure.underlying.reason, nothingChanged: true)
        }
        return relative
    }

    private static func copyTree(from source: String, to destination: String, skipping: Set<String>) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
        for name in names.sorted() where !skipping.contains(name) && !StoreFileIO.isTemporaryName(name) {
            let from = (source as NSString).appendingPathComponent(name)
            let to = (destination as NSString).appendingPathComponent(name)
            if StoreFileIO.isDirectory(from) {
                try StoreFileIO.makeDirectories(to)
                try copyTree(from: from, to: to, skipping: [])
            } else if StoreFileIO.isRegularFile(from), let contents = try StoreFileIO.readFile(from) {
                _ = try StoreFileIO.replaceAtomically(to, with: contents.data)
            }
        }
    }
}
