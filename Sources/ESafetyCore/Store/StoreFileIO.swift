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

    static func fingerprint(of info: stat) -> StoreFileFingerprint {
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return StoreFileFingerprint(device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                                    size: Int64(info.st_size), modifiedSeconds: Int64(modified.tv_sec),
                                    modifiedNanoseconds: Int64(modified.tv_nsec))
    }

    /// The fingerprint of the file at `path`, or nil if it does not exist.
    static func fingerprint(_ path: String) throws -> StoreFileFingerprint? {
        try status(path).map(fingerprint(of:))
    }

    /// Reads a whole file; nil if it does not exist. The fingerprint is of exactly what was read.
    static func readFile(_ path: String) throws -> (data: Data, fingerprint: StoreFileFingerprint)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
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
        return (Data(bytes[0..<count]), fingerprint(of: info))
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
    /// - Returns: the fingerprint of the new file.
    static func replaceAtomically(_ target: String, with data: Data,
                                  beforeRename: (() throws -> Void)? = nil) throws -> StoreFileFingerprint {
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
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw StoreIOFailure(operation: "stat", path: temporary, code: errno) }
            let result = fingerprint(of: info)
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
            } catch let failure as StoreIOFailure {
                throw StoreAtomicWriteFailure(underlying: failure, committed: true)
            }
            return result
        } catch let failure as StoreAtomicWriteFailure {
            throw failure
        } catch let failure as StoreIOFailure {
            throw StoreAtomicWriteFailure(underlying: failure, committed: false)
        }
    }
}
