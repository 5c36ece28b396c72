import Foundation

/// Writes command output to standard output, or to a file created readable by its owner only.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        try stream(to: path) { $0.write(text) }
    }

    /// Hands `body` a sink that writes as it goes (in 64 KiB pieces), for exports too long to
    /// hold as one text. A file left half written by an error is removed.
    static func stream(to path: String?, _ body: (Sink) throws -> Void) throws {
        guard let path else {
            let sink = Sink(FileHandle.standardOutput)
            try body(sink)
            sink.flush()
            return
        }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            throw UserFacingError("Cannot write \(url.path): check that the folder exists and you may write there.")
        }
        defer { try? handle.close() }
        let sink = Sink(handle)
        do {
            try body(sink)
            sink.flush()
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
    }

    /// Buffered writing to one file handle.
    final class Sink {
        private let handle: FileHandle
        private var buffer = Data()

        init(_ handle: FileHandle) { self.handle = handle }

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { flush() }
        }

        func flush() {
            handle.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
