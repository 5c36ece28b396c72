import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only audit log, `audit.jsonl`: one compact JSON ``AuditEntry`` per line, sorted keys.
///
/// The file is opened with `O_APPEND` and each entry is written with one `write` and then
/// `fsync`ed. Nothing ever truncates or rewrites it. If esafety died part-way through writing a
/// line, the next writer first ends that partial line with a newline (appending, not rewriting), so
/// the damage stays confined to one line that ``Store/check()`` reports, and later entries are whole.
final class StoreAuditLog {
    static let fileName = "audit.jsonl"

    private var fd: Int32
    private let path: String
    private let encoder = StoreJSON.makeLineEncoder()
    /// The sequence number of the last entry in the log, 0 if there is none.
    private(set) var lastSequence: Int
    /// The hash of the last line's bytes, which the next entry carries (the hash of nothing for
    /// an empty log).
    private(set) var lastLineHash: String

    /// The SHA-256 of bytes, in lower-case hex: how each entry refers to the line before it.
    static func hash<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
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
        do {
            let tail = try Self.readTail(path: path)
            lastSequence = tail.lastSequence
            lastLineHash = tail.lastLineHash
            if !tail.endsWithNewline {
                try StoreFileIO.writeAll(fd, Data([0x0A]), path: path)
                try StoreFileIO.sync(fd, path: path)
            }
        } catch {
            StoreFileIO.closeDescriptor(fd)
            fd = -1
            if let failure = error as? StoreIOFailure {
                throw StoreError.readFailed(file: Self.fileName, reason: failure.reason)
            }
            throw error
        }
    }

    deinit { close() }

    /// Stops appending. Safe to call more than once.
    func close() {
        if fd >= 0 { StoreFileIO.closeDescriptor(fd) }
        fd = -1
    }

    /// Appends `entry` as one line and makes it durable.
    func append(_ entry: AuditEntry) throws {
        guard fd >= 0 else { throw StoreIOFailure(operation: "write", path: path, code: EBADF) }
        var line = try encoder.encode(entry)
        let hash = Self.hash(line)
        line.append(0x0A)
        try StoreFileIO.writeAll(fd, line, path: path)
        try StoreFileIO.sync(fd, path: path)
        lastSequence = entry.sequence
        lastLineHash = hash
    }

    /// The last whole entry's sequence number, found from the end of the file so that opening a
    /// store does not read a log of any length; and whether the file ends with a newline.
    private static func readTail(path: String) throws -> (lastSequence: Int, lastLineHash: String, endsWithNewline: Bool) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreIOFailure(operation: "open", path: path, code: errno) }
        defer { StoreFileIO.closeDescriptor(fd) }
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0 else { return (0, hash(Data()), true) }
        var window = 64 * 1024
        let decoder = StoreJSON.makeDecoder()
        while true {
            let start = max(0, size - window)
            var bytes = [UInt8](repeating: 0, count: size - start)
            let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
            guard count == bytes.count else { throw StoreIOFailure(operation: "read", path: path, code: errno) }
            let endsWithNewline = bytes.last == 0x0A
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
            if start > 0, !lines.isEmpty { lines.removeFirst() }  // may begin mid-line
            for line in lines.reversed() {
                if let entry = try? decoder.decode(AuditEntry.self, from: Data(line)) {
                    return (entry.sequence, hash(line), endsWithNewline)
                }
            }
            if start == 0 { return (0, hash(lines.last ?? []), endsWithNewline) }
            window *= 4
        }
    }

    /// Every line of the log in `directory`, each with its entry or why it could not be read.
    /// An absent log has no lines.
    static func readLines(directory: String) throws -> [StoreAuditLine] {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let contents = try StoreFileIO.readFile(path) else { return [] }
        let data = contents.data
        let decoder = StoreJSON.makeDecoder()
        var results: [StoreAuditLine] = []
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            let newline = data[start...].firstIndex(of: 0x0A)
            let end = newline ?? data.endIndex
            let line = data[start..<end]
            start = newline.map { $0 + 1 } ?? data.endIndex
            let lineHash = hash(line)
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
                results.append(StoreAuditLine(number: lineNumber, entry: nil,
                    problem: "line \(lineNumber) is blank (an entry may have been lost there)", hash: lineHash))
                continue
            }
            do {
                results.append(StoreAuditLine(number: lineNumber,
                                              entry: try decoder.decode(AuditEntry.self, from: Data(line)), problem: nil,
                                              hash: lineHash))
            } catch {
                var reason = StoreJSONDiagnostics.reason(for: error, data: Data(line))
                    .replacingOccurrences(of: "line 1, ", with: "")
                    .replacingOccurrences(of: "line 1: ", with: "")
                if newline == nil { reason += " (the last line is incomplete: esafety may have stopped while writing it)" }
                results.append(StoreAuditLine(number: lineNumber, entry: nil,
                    problem: "line \(lineNumber) is not a valid audit entry: \(reason)", hash: lineHash))
            }
        }
        return results
    }
}
