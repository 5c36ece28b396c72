import ESafetyCore
import Foundation

/// Writes command output to standard output, or to a file created readable by its owner only.
/// Either way no control character or bidi override from the data reaches a terminal
/// (`TerminalText`): the exports escape them as their format allows, and what is left is made "?".
enum OutputFile {
    static func write(_ text: String, to path: String?) throws {
        try stream(to: path) { try $0.write(text) }
    }

    /// Hands `body` a sink that writes as it goes (in 64 KiB pieces), for exports too long to
    /// hold as one text. A regular file is written beside its final name and renamed only when
    /// all of it is written, so an error (or a full disk) never leaves half an export, nor
    /// removes a file that was there before. A FIFO or a character device (`/dev/null`, a
    /// printer's port) is written through, never replaced; a folder or anything else is refused.
    static func stream(to path: String?, _ body: (Sink) throws -> Void) throws {
        guard let path else {
            let sink = Sink(FileHandle.standardOutput, name: "standard output")
            try body(sink)
            try sink.flush()
            return
        }
        var url = URL(fileURLWithPath: path)
        var info = stat()
        if lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            url = url.resolvingSymlinksInPath()  // a link: the rules are the target's
            if lstat(url.path, &info) != 0 { info = stat() }
        }
        if info.st_mode & S_IFMT == S_IFIFO || info.st_mode & S_IFMT == S_IFCHR {
            guard let handle = FileHandle(forWritingAtPath: url.path) else {
                throw UserFacingError("Cannot write \(url.path): \(String(cString: strerror(errno))).")
            }
            defer { try? handle.close() }
            let sink = Sink(handle, name: url.path)
            try body(sink)
            return try sink.flush()
        }
        if info.st_mode != 0, info.st_mode & S_IFMT != S_IFREG {
            throw UserFacingError("\(url.path) is not a regular file (a folder, or a device esafety does not write to): nothing was written.")
        }
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
            var now = stat()
            if lstat(url.path, &now) == 0, now.st_mode & S_IFMT != S_IFREG {
                throw UserFacingError("\(url.path) became something other than a regular file while it was written: nothing was written.")
            }
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
            buffer.append(contentsOf: TerminalText.safe(text).utf8)
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

/// Prints a line of output with any control character or bidi override from the data made
/// "?": every command's text output goes through here or `OutputFile`.
func say(_ text: String, terminator: String = "\n") {
    print(TerminalText.safe(text), terminator: terminator)
}
