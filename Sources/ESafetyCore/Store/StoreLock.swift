import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The single-writer lock: an exclusive `flock` on `<store>/lock`, held while a read-write
/// ``Store`` is open, with the holder's details written into the file for others' messages.
///
/// `flock` belongs to an open file description, so each lock opens the file afresh: a second
/// ``Store`` in the same process is refused just like one in another process. The kernel releases
/// the lock when the holder exits, however it exits, so a lock left by a crashed esafety never
/// blocks anyone; the stale details in the file are simply overwritten by the next holder.
final class StoreLock {
    static let fileName = "lock"

    private var fd: Int32
    private let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { release() }

    /// Takes the lock on the store in `directory` without waiting.
    /// - Throws: ``StoreError/locked(owner:)`` naming the holder if another open store holds it.
    static func acquire(directory: String, now: Date) throws -> StoreLock {
        let path = (directory as NSString).appendingPathComponent(fileName)
        let fd: Int32
        do {
            fd = try StoreFileIO.openOwnerOnly(path, flags: O_RDWR)
        } catch let failure as StoreIOFailure {
            throw StoreError.writeFailed(file: fileName, reason: failure.reason, nothingChanged: true)
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = readOwner(fd: fd, directory: directory)
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN { throw StoreError.locked(owner: holder) }
            throw StoreError.writeFailed(file: fileName, reason: StoreIOFailure(operation: "flock", path: path,
                                                                               code: code).reason,
                                         nothingChanged: true)
        }
        let lock = StoreLock(fd: fd, path: path)
        // Best effort: the details are only for other processes' messages; the flock is the lock.
        let owner = StoreLockOwner.current(store: directory, now: now)
        if var data = try? StoreJSON.makeLineEncoder().encode(owner) {
            data.append(0x0A)
            if ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 {
                try? StoreFileIO.writeAll(fd, data, path: path)
                try? StoreFileIO.sync(fd, path: path)
            }
        }
        return lock
    }

    /// Clears the holder's details and releases the lock. Safe to call more than once.
    func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    /// The holder's details from the lock file; fields are nil if it is empty or unreadable.
    private static func readOwner(fd: Int32, directory: String) -> StoreLockOwner {
        var unknown = StoreLockOwner(store: directory, program: nil, pid: nil, user: nil, host: nil, since: nil)
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0,
              var owner = try? StoreJSON.makeDecoder().decode(StoreLockOwner.self, from: Data(bytes[0..<count]))
        else { return unknown }
        owner.store = directory
        unknown = owner
        return unknown
    }
}
