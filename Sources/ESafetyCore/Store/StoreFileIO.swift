import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's few system calls: owner-only files and folders, whole-file reads, and atomic,
/// durable replacement of a file.
enum StoreFileIO {
    /// Permissions of every file the store creates: read and write by the owner only.
    static let fileMode: mode_t = 0o600
    /// Permissions of every folder the store creates: owner only.
    static let directoryMode: mode_t = 0o700

    static let typeMask: mode_t = 0o170000
    static let regularType: mode_t = 0o100000
    static let directoryType: mode_t = 0o040000

    /// `lstat`, or nil if the path does not exist.
    static func status(_ path: String) throws -> stat? {
        var info = stat()
        if lstat(path, &info) == 0 { return info }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw StoreIOFailure(operation: "stat", path: path, code: errno)
    }

    /// True if `path` is an existing regular file (not following symbolic links).
    static func isRegularFile(_ path: String) -> Bool {
        guard let info = try? status(path) else { return false }
        return info.st_mode & typeMask == regularType
    }

    /// True if `path` is an existing directory (following symbolic links, so a store folder may be one).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & typeMask == directoryType
    }

    /// The stamp of the file at `path` itself (a symbolic link is not followed), or nil if none.
    static func stamp(_ path: String) throws -> StoreFileStamp? {
        try status(path).map(StoreFileStamp.init)
    }

    /// Reads a whole file; nil if it does not exist. The stamp is of exactly what was read. A
    /// symbolic link is refused (ELOOP), never followed: nothing in a store points elsewhere.
    static func readFile(_ path: String) throws -> (data: Data, stamp: StoreFileStamp)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw StoreIOFailure(operation: "open", path: path, code: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreIOFailure(operation: "stat", path: path, code: errno) }
        guard info.st_mode & typeMask == regularType else {
            throw StoreIOFailure(operation: "read", path: path, code: EISDIR)
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreIOFailure(operation: "read", path: path, code: errno)
            }
            if got == 0 { break }
            count += got
        }
        return (Data(bytes[0..<count]), StoreFileStamp(info))
    }

    /// Opens an existing file for reading, refusing a symbolic link.
    static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw StoreIOFailure(operation: "open", path: path, code: errno) }
        return fd
    }

    /// Writes all of `data` to `fd`, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StoreIOFailure(operation: "write", path: path, code: errno)
                }
                offset += written
            }
        }
    }

    /// Writes `data` as a new owner-only file at `path` (replacing one there). Neither it nor
    /// its folder is synced: a commit syncs all it writes together (StoreSyncBatch.swift).
    static func writeOwnerOnly(_ path: String, _ data: Data) throws {
        let fd = try openOwnerOnly(path, flags: O_WRONLY | O_TRUNC)
        do {
            try writeAll(fd, data, path: path)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        guard close(fd) == 0 else { throw StoreIOFailure(operation: "close", path: path, code: errno) }
    }

    /// Overwrites a small owner-only file in place (creating it, and making its name durable,
    /// the first time), optionally fsynced: for `audit.head` and `.commit`, rewritten at every
    /// commit, where a rename and a folder sync each time would double the commit's cost. Only
    /// ever a regular file: a link is refused (O_NOFOLLOW), and a FIFO or device is not written.
    static func overwriteInPlace(_ path: String, with data: Data, sync: Bool) throws {
        let existed = isRegularFile(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, fileMode)
        guard fd >= 0 else { throw StoreIOFailure(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreIOFailure(operation: "stat", path: path, code: errno) }
        guard info.st_mode & typeMask == regularType else { throw StoreIOFailure(operation: "write (not a regular file)", path: path, code: EPERM) }
        if info.st_mode & 0o777 != fileMode, fchmod(fd, fileMode) != 0 { throw StoreIOFailure(operation: "chmod", path: path, code: errno) }
        let written = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        guard written == data.count else { throw StoreIOFailure(operation: "write", path: path, code: written < 0 ? errno : EIO) }
        guard ftruncate(fd, off_t(data.count)) == 0 else { throw StoreIOFailure(operation: "truncate", path: path, code: errno) }
        if sync {
            try self.sync(fd, path: path)
            if !existed { try syncDirectory((path as NSString).deletingLastPathComponent) }
        }
    }

    /// Closes a descriptor, ignoring errors (for read-only or already-failed descriptors).
    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    /// `fsync`, retrying interruptions.
    static func sync(_ fd: Int32, path: String) throws {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreIOFailure(operation: "fsync", path: path, code: errno)
        }
    }

    /// Makes a folder's list of names durable (after a rename or a new file or folder in it).
    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreIOFailure(operation: "open folder", path: path, code: errno) }
        defer { close(fd) }
        try sync(fd, path: path)
    }

    /// Throws if any component of `path` below `root` (the store folder) is a symbolic link, so
    /// that nothing esafety writes inside a store (a backup, a draft, a cache, a temporary file)
    /// can land outside it. The store folder itself may be reached through links.
    static func refuseLinks(below root: String, in path: String) throws {
        // Plain string work: Foundation's path standardising resolves links, which is what this is to catch.
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        var current = path.hasSuffix("/") ? String(path.dropLast()) : path
        while current.count > base.count, current.hasPrefix(base) {
            if let info = try status(current), info.st_mode & typeMask == 0o120000 {
                throw StoreIOFailure(operation: "use it: it is a symbolic link, and esafety follows no link out of a store", path: current, code: ELOOP)
            }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// Creates `path` and any missing parents with owner-only permissions (whatever the umask),
    /// making each new entry durable in its parent. Existing folders are left as they are.
    /// Returns the folders it created, outermost first.
    @discardableResult
    static func makeDirectories(_ path: String) throws -> [String] {
        if isDirectory(path) { return [] }
        let parent = (path as NSString).deletingLastPathComponent
        var created: [String] = []
        if !parent.isEmpty, parent != path { created = try makeDirectories(parent) }
        if mkdir(path, directoryMode) != 0 {
            if errno == EEXIST, isDirectory(path) { return created }
            throw StoreIOFailure(operation: "create folder", path: path, code: errno)
        }
        guard chmod(path, directoryMode) == 0 else {
            throw StoreIOFailure(operation: "chmod", path: path, code: errno)
        }
        if !parent.isEmpty { try syncDirectory(parent) }
        return created + [path]
    }

    /// Opens (creating if needed) a file for the store with owner-only permissions.
    static func openOwnerOnly(_ path: String, flags: Int32) throws -> Int32 {
        let fd = open(path, flags | O_CREAT | O_CLOEXEC | O_NOFOLLOW, fileMode)
        guard fd >= 0 else { throw StoreIOFailure(operation: "open", path: path, code: errno) }
        if fchmod(fd, fileMode) != 0 {
            let code = errno
            close(fd)
            throw StoreIOFailure(operation: "chmod", path: path, code: code)
        }
        return fd
    }

    /// The temporary file used while replacing `target`: `.NAME.tmp-PID` beside it.
    static func temporaryPath(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).tmp-\(getpid())")
    }

    /// True for names that ``temporaryPath(for:)`` produces (in this or any other process).
    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Replaces `target` with `data` so that a crash at any point leaves either the old or the
    /// new file, whole:
    /// 1. write a temporary file in the same folder (so `rename` cannot cross file systems),
    /// 2. `fsync` it, so its bytes are on disk before its name is,
    /// 3. `rename` it over the target (atomic on POSIX file systems),
    /// 4. `fsync` the folder, so the rename itself survives a power cut.
    ///
    /// If any step up to the rename fails, the temporary file is removed and the target is
    /// untouched; the error's `committed` is false. If only step 4 fails the new file is in
    /// place but may not be durable: the error's `committed` is true.
    ///
    /// - Parameter beforeRename: a test hook, called after the temporary file is synced.
    /// - Returns: the stamp of the new file.
    @discardableResult
    static func replaceAtomically(_ target: String, with data: Data,
                                  beforeRename: (() throws -> Void)? = nil) throws -> StoreFileStamp {
        if let info = try status(target), info.st_mode & typeMask != regularType {
            throw StoreAtomicWriteFailure(underlying: StoreIOFailure(
                operation: "replace: it is not a regular file, and esafety never renames over a link, folder or device",
                path: target, code: EPERM), committed: false)
        }
        let temporary = temporaryPath(for: target)
        var fd: Int32 = -1
        var renamed = false
        defer {
            if fd >= 0 { close(fd) }
            if !renamed { unlink(temporary) }
        }
        do {
            fd = try openOwnerOnly(temporary, flags: O_WRONLY | O_TRUNC)
            try writeAll(fd, data, path: temporary)
            try sync(fd, path: temporary)
            let closing = fd
            fd = -1
            guard close(closing) == 0 else { throw StoreIOFailure(operation: "close", path: temporary, code: errno) }
            try beforeRename?()
            guard rename(temporary, target) == 0 else {
                throw StoreIOFailure(operation: "rename", path: target, code: errno)
            }
            renamed = true
            do {
                try syncDirectory((target as NSString).deletingLastPathComponent)
                // After the rename: renaming changes the file's status-change time.
                guard let result = try stamp(target) else { throw StoreIOFailure(operation: "stat", path: target, code: ENOENT) }
                return result
            } catch let failure as StoreIOFailure {
                throw StoreAtomicWriteFailure(underlying: failure, committed: true)
            }
        } catch let failure as StoreAtomicWriteFailure {
            throw failure
        } catch let failure as StoreIOFailure {
            throw StoreAtomicWriteFailure(underlying: failure, committed: false)
        }
    }
}
