import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Emptied files kept in `cache/spare/` for commits to write into, so that a commit neither
/// creates nor deletes an inode for a document that already exists.
///
/// Why: a commit used to write each document's new bytes to a new temporary file and rename it
/// over the old one, so every save made one inode and freed another. On ext4 without a journal
/// (as on the machines this runs on), making an inode skips every inode freed in the last 30
/// seconds, one block lookup each; with several sessions saving, that scan was about 40% of
/// the savers' CPU, all of it under the commit lock (`perf`, `find_inode_bit` and
/// `recently_deleted`). Now a commit renames a spare to its temporary name, writes into it,
/// and exchanges it with the document (`renameat2(RENAME_EXCHANGE)`); the temporary name then
/// holds the old bytes, which are truncated away before the file goes back to the pool.
///
/// Only commits use the pool, under the commit lock, so no two sessions touch it at once. A
/// spare is used only if, once open, it is a regular owner-only file with one link: a link
/// planted in the pool (to a document, or out of the store) is dropped, never written through.
/// Where the exchange is unavailable (not Linux, an old kernel, another file system) the
/// commit renames as before. See docs/store-format.md.
struct StoreSparePool {
    /// The pool's folder, relative to the store.
    static let folderName = StoreDocumentName.cacheFolder + "/spare"
    /// At most this many spares are kept; a freed file beyond them is deleted.
    static let capacity = 32

    let folder: String
    let storePath: String

    init(storePath: String) {
        self.storePath = storePath
        folder = (storePath as NSString).appendingPathComponent(Self.folderName)
    }

    /// Writes `data` to `temporary` (which must not exist) in a spare file if there is a sound
    /// one, else in a new file. Either way `temporary` is a new name in its folder.
    func write(_ data: Data, to temporary: String) throws {
        if let fd = takeSpare(as: temporary) {
            do {
                try StoreFileIO.writeAll(fd, data, path: temporary)
                guard ftruncate(fd, off_t(data.count)) == 0 else { throw StoreIOFailure(operation: "truncate", path: temporary, code: errno) }
            } catch {
                close(fd)
                unlink(temporary)
                throw error
            }
            guard close(fd) == 0 else { throw StoreIOFailure(operation: "close", path: temporary, code: errno) }
            return
        }
        try StoreFileIO.writeOwnerOnly(temporary, data)
    }

    /// Puts `temporary` in `target`'s place. Where `target` exists and the system can, the two
    /// are exchanged and the old bytes, now at `temporary`, are emptied into the pool;
    /// otherwise a plain rename (which frees the old file).
    func place(_ temporary: String, over target: String) throws {
        if StoreFileIO.isRegularFile(target), Self.exchange(temporary, target) {
            recycle(temporary)
            return
        }
        guard rename(temporary, target) == 0 else { throw StoreIOFailure(operation: "rename", path: target, code: errno) }
    }

    /// Empties `path` (a file no document needs any more) and keeps it as a spare, or deletes
    /// it if the pool is full or the file is not sound.
    func recycle(_ path: String) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { unlink(path); return }
        defer { close(fd) }
        guard Self.isSound(fd), ftruncate(fd, 0) == 0, let name = freeName(),
              (try? StoreFileIO.refuseLinks(below: storePath, in: folder)) != nil,
              (try? StoreFileIO.makeDirectories(folder)) != nil,
              rename(path, (folder as NSString).appendingPathComponent(name)) == 0 else {
            unlink(path)
            return
        }
    }

    /// A spare renamed to `temporary` and opened for writing, or nil if there is none sound.
    private func takeSpare(as temporary: String) -> Int32? {
        guard (try? StoreFileIO.refuseLinks(below: storePath, in: folder)) != nil, StoreFileIO.isDirectory(folder) else { return nil }
        for name in spareNames() {
            guard rename((folder as NSString).appendingPathComponent(name), temporary) == 0 else { continue }
            let fd = open(temporary, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            if fd >= 0, Self.isSound(fd) { return fd }
            if fd >= 0 { close(fd) }
            unlink(temporary)  // a link, a folder or someone else's file: its name goes, nothing is written through it
        }
        return nil
    }

    private func spareNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("spare-") }.sorted()
    }

    private func freeName() -> String? {
        let used = Set(spareNames())
        return (0..<Self.capacity).lazy.map { "spare-\($0)" }.first { !used.contains($0) }
    }

    /// A regular file of this user's, owner-only, with no other name.
    private static func isSound(_ fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return false }
        return info.st_mode & StoreFileIO.typeMask == StoreFileIO.regularType && info.st_nlink == 1
            && info.st_uid == geteuid() && info.st_mode & 0o077 == 0
    }

    /// `renameat2(from, to, RENAME_EXCHANGE)`: true if the two names were swapped.
    static func exchange(_ from: String, _ to: String) -> Bool {
        #if os(Linux)
        guard let renameat2 = renameat2Function else { return false }
        return renameat2(AT_FDCWD, from, AT_FDCWD, to, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later), looked up once: Swift's Glibc module leaves it out.
    private static let renameat2Function: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif
}
