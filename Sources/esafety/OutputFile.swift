import Foundation

/// Writes command output to standard output, or to a file created readable by its owner only.
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        try stream(to: path) { try $0.write(text) }
    }

    /// Hands `body` a sink that writes as it goes (in 64 KiB pieces), for exports too long to
    /// hold as one text. A file is written beside its final name and renamed only when all of
    /// it is written, so an error (or a full disk) never leaves half an export, nor removes a
    /// file that was there before.
    static func stream(to path: String?, _ body: (Sink) throws -> Void) throws {
        guard let path else {
            let sink = Sink(FileHandle.standardOutput, name: "standard output")
            try body(sink)
            try sink.flush()
            return
        }
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: partial.path) else {
            throw UserFacingError("Cannot write \(url.path): check that the folder exists and you may write there.")
        }
        do {
            let sink = Sink(handle, name: url.path)
            try body(sink)
            try sink.flush()
            try handle.synchronize()
            try handle.close()
            guard rename(partial.path, url.path) == 0 else {
                throw UserFacingError("Cannot write \(url.path): \(String(cString: strerror(errno))).")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Buffered writing to one file handle; a failed write (a full disk) throws, naming the output.
    final class Sink {
        private let handle: FileHandle
        private let name: String
        private var buffer = Data()

        init(_ handle: FileHandle, name: String) { self.handle = handle; self.name = name }

        func write(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { try flush() }
        }

        func flush() throws {
            do {
                try handle.write(contentsOf: buffer)
            } catch {
                throw UserFacingError("Cannot write \(name): \(error.localizedDescription)")
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
