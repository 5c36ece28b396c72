import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only audit log, `audit.jsonl`: one compact JSON ``AuditEntry`` per line, sorted
/// keys. Lines are appended only under the commit lock, each with one `write` and then `fsync`:
/// the entry is the commit point of its commit.
///
/// The log is never rewritten. The one exception is bytes this process has just appended and
/// could not make durable (a full disk): they were never a committed entry, so they are cut off
/// again at once, under the same lock, and nothing is reported as saved.
final class StoreAuditLog {
    static let fileName = "audit.jsonl"

    private var fd: Int32
    let path: String
    private let encoder = StoreJSON.makeLineEncoder()

    /// The SHA-256 of bytes, in lower-case hex: how each entry refers to the line before it.
    static func hash<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        let digest = SHA256.hash(data: bytes)
        return hex(digest)
    }

    /// Lower-case hex of bytes.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Opens the log in `directory` for appending.
    /// - Parameter create: true only for a new store. An existing store whose log has gone is
    ///   refused with ``StoreError/missingAuditLog(directory:)`` rather than silently starting a
    ///   new history at sequence 1.
    init(directory: String, create: Bool) throws {
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        if !create, !StoreFileIO.isRegularFile(path) {
            throw StoreError.missingAuditLog(directory: directory)
        }
        do {
            fd = try StoreFileIO.openOwnerOnly(path, flags: O_WRONLY | O_APPEND)
        } catch let failure as StoreIOFailure {
            throw StoreError.writeFailed(file: Self.fileName, reason: failure.reason, nothingChanged: true)
        }
    }

    deinit { close() }

    /// Stops appending. Safe to call more than once.
    func close() {
        if fd >= 0 { StoreFileIO.closeDescriptor(fd) }
        fd = -1
    }

    /// The log's size now.
    func size() throws -> Int {
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0 else { throw StoreIOFailure(operation: "stat", path: path, code: fd >= 0 ? errno : EBADF) }
        return Int(info.st_size)
    }

    /// The line `entry` is written as (without its newline).
    func encode(_ entry: AuditEntry) throws -> Data { try encoder.encode(entry) }

    /// Appends `line` and a newline and makes them durable. Called under the commit lock with
    /// the log's size as the caller last read it; if the write or the sync fails, the bytes are
    /// cut off again so that the log ends where it did.
    func append(line: Data, at size: Int) throws {
        guard fd >= 0 else { throw StoreIOFailure(operation: "write", path: path, code: EBADF) }
        var bytes = line
        bytes.append(0x0A)
        do {
            try StoreFileIO.writeAll(fd, bytes, path: path)
            try StoreFileIO.sync(fd, path: path)
        } catch {
            _ = ftruncate(fd, off_t(size))
            _ = fsync(fd)
            throw error
        }
    }

    /// Cuts bytes after `size` (a line torn by a crash, which was never committed). Under the lock.
    func cut(to size: Int) throws {
        guard fd >= 0 else { throw StoreIOFailure(operation: "truncate", path: path, code: EBADF) }
        guard ftruncate(fd, off_t(size)) == 0 else { throw StoreIOFailure(operation: "truncate", path: path, code: errno) }
        try StoreFileIO.sync(fd, path: path)
    }
}
