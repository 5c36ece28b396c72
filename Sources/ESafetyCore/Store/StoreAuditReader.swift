import Foundation

/// Reads `audit.jsonl` from a byte offset to its end, line by line: each whole line with its
/// entry (or why it is not one) and the SHA-256 of its bytes. Used to build the ledger at
/// opening, to catch up with other sessions' commits, and by `check`.
///
/// Only lines that end in a newline are returned: a line still being written by another esafety
/// (or left torn by a crash) is left for later, and its bytes are reported as `tornTail`.
enum StoreAuditReader {
    /// One whole line of the log.
    struct Line {
        /// 1-based line number in the file.
        var number: Int
        /// The entry, if the line is a valid one.
        var entry: AuditEntry?
        /// Why the line is not a valid entry, starting "line N ...", if it is not.
        var problem: String?
        /// The SHA-256 (hex) of the line's bytes without its newline: what the next entry records.
        var hash: String
        /// The byte offset just after the line's newline.
        var end: Int
        /// The line's bytes (without its newline), when the read was asked to keep them.
        var bytes: Data?
    }

    /// What a read found.
    struct Chunk {
        var lines: [Line]
        /// Bytes after the last newline (a line being written, or torn by a crash).
        var tornTail: Int
        /// The file's size when read.
        var size: Int
        /// The file's device and inode, to tell a log replaced by another file.
        var identity: [UInt64] = []
    }

    /// The lines of the log at `path` after byte `offset`; `firstLine` is the number of the first.
    /// - Throws: `StoreIOFailure` if the file cannot be read.
    static func read(path: String, from offset: Int, firstLine: Int, keepingBytes: Bool = false) throws -> Chunk {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw StoreIOFailure(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreIOFailure(operation: "stat", path: path, code: errno) }
        let size = Int(info.st_size)
        let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        guard size > offset else { return Chunk(lines: [], tornTail: 0, size: size, identity: identity) }
        var bytes = [UInt8](repeating: 0, count: size - offset)
        var got = 0
        while got < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, $0.count - got, off_t(offset + got)) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw StoreIOFailure(operation: "read", path: path, code: errno) }
            if count == 0 { break }
            got += count
        }
        bytes.removeLast(bytes.count - got)
        var chunk = parse(bytes, offset: offset, firstLine: firstLine, size: offset + got, keepingBytes: keepingBytes)
        chunk.identity = identity
        return chunk
    }

    /// The whole lines of `bytes`, each read on its own (spread over the cores for a long log:
    /// a line's entry and hash depend on no other line).
    static func parse(_ bytes: [UInt8], offset: Int, firstLine: Int, size: Int, keepingBytes: Bool = false) -> Chunk {
        var ranges: [Range<Int>] = []
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            ranges.append(start..<newline)
            start = newline + 1
        }
        let lines = ParallelMap.map(Array(ranges.enumerated()), context: StoreJSON.makeDecoder) { decoder, numbered in
            let (index, range) = numbered
            var read = line(bytes[range], number: firstLine + index, end: offset + range.upperBound + 1, decoder: decoder)
            if keepingBytes { read.bytes = Data(bytes[range]) }
            return read
        }
        return Chunk(lines: lines, tornTail: bytes.count - start, size: size)
    }

    private static func line(_ slice: ArraySlice<UInt8>, number: Int, end: Int, decoder: JSONDecoder) -> Line {
        let hash = StoreAuditLog.hash(slice)
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
            return Line(number: number, entry: nil, problem: "line \(number) is blank (an entry may have been lost there)", hash: hash, end: end)
        }
        let data = Data(slice)
        if let problem = StoreJSONValidator.problem(in: data) {
            return Line(number: number, entry: nil, problem: "line \(number) is not a valid audit entry: "
                + problem.replacingOccurrences(of: "line 1, ", with: ""), hash: hash, end: end)
        }
        if let entry = StoreFastDecoder.decode(AuditEntry.self, from: data, validated: true) {  // the usual line, read straight from its bytes
            return Line(number: number, entry: entry, problem: nil, hash: hash, end: end)
        }
        do {
            return Line(number: number, entry: try decoder.decode(AuditEntry.self, from: data), problem: nil, hash: hash, end: end)
        } catch {
            let reason = StoreJSONDiagnostics.reason(for: error, data: data)
            return Line(number: number, entry: nil, problem: "line \(number) is not a valid audit entry: \(reason)", hash: hash, end: end)
        }
    }
}
