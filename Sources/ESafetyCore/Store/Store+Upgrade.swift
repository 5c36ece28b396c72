import Foundation

/// Upgrading a store written by an older esafety, on a read-write opening, under the commit lock.
///
/// The files are first copied to `backups/<time>-v<N>/` and the file-level steps run
/// (StoreMigration.swift). From format 1, which recorded no hashes, one commit then writes every
/// document again with `"_revision" : 1` and records each one's SHA-256: the baseline that
/// `esafety check` proves documents against from then on. It says so in the log: what the old
/// format could not prove (a change made outside esafety before the upgrade) it does not prove now.
extension Store {
    func upgrade(from manifest: StoreManifest, migrations: [Int: StoreMigration.Step]) throws {
        guard let commitLock else { throw StoreError.closed(directory: path) }
        try commitLock.acquire(now: now())
        holdsLockForCreation = true
        defer {
            holdsLockForCreation = false
            commitLock.release()
        }
        let current = try StoreManifest.read(directory: path)  // it may have changed before we held the lock
        guard current.formatVersion < Self.formatVersion else { return }
        let from = current.formatVersion
        let backup = try StoreMigration.migrate(directory: path, manifest: current, to: Self.formatVersion, steps: migrations, now: now())
        let summary = "Upgraded the store from format version \(from) to \(Self.formatVersion); the previous files are in \(backup)"
        guard from < 2 else {
            return try recordEvent(actor: .system, action: "store.migrate", recordID: nil, summary: summary)
        }
        try commit(actor: .system, action: "store.migrate", summary: summary + ". Every document is recorded here with its revision "
                   + "and SHA-256 as it was at the upgrade; changes made outside esafety before then cannot be told") { transaction in
            transaction.overwritesUnproven = true
            transaction.keepsDailyBackups = false
            for file in StoreDocumentFiles.list(directory: path) {
                guard let document = file.document, !document.isUnaudited,
                      let contents = try StoreFileIO.readFile(filePath(document)) else { continue }
                try transaction.writeRaw(contents.data, to: document)
            }
        }
    }
}
