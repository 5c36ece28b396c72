import Foundation

/// A small SMTP client (RFC 5321) for one message to a relay: EHLO (HELO if refused), MAIL,
/// RCPT for each address, DATA with dot-stuffing, QUIT. Plain, with no authentication: for a
/// relay on the school's network or this machine. Every wait has a time limit, so a relay
/// that does not answer cannot hold the terminal for long.
struct SMTPClient {
    var host: String
    var port: Int
    var timeoutSeconds = 10

    struct Failure: Error, CustomStringConvertible { var description: String }

    func send(from: String, to recipients: [String], message: String) throws {
        let fd = try connect()
        defer { close(fd) }
        var reader = LineReader(fd: fd)
        try expect(&reader, 220, "greeting")
        let me = ProcessInfo.processInfo.hostName.isEmpty ? "localhost" : ProcessInfo.processInfo.hostName
        try write(fd, "EHLO \(me)\r\n")
        if (try reply(&reader)).code != 250 {
            try write(fd, "HELO \(me)\r\n")
            try expect(&reader, 250, "HELO")
        }
        try write(fd, "MAIL FROM:<\(from)>\r\n")
        try expect(&reader, 250, "MAIL FROM")
        for recipient in recipients {
            try write(fd, "RCPT TO:<\(recipient)>\r\n")
            let answer = try reply(&reader)
            guard answer.code == 250 || answer.code == 251 else { throw Failure(description: "the relay refused \(recipient): \(answer.text)") }
        }
        try write(fd, "DATA\r\n")
        try expect(&reader, 354, "DATA")
        let body = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try write(fd, body + "\r\n.\r\n")
        try expect(&reader, 250, "the message")
        try? write(fd, "QUIT\r\n")
    }

    private func connect() throws -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw Failure(description: "cannot find the relay \(host): \(String(cString: gai_strerror(status)))") }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var limit = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
                lastError = String(cString: strerror(errno))
                close(fd)
            }
            entry = info.pointee.ai_next
        }
        throw Failure(description: "cannot connect to \(host) port \(port): \(lastError)")
    }

    private func write(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "the connection to \(host) failed: \(String(cString: strerror(errno)))")
            }
            sent += n
        }
    }

    private func reply(_ reader: inout LineReader) throws -> (code: Int, text: String) {
        var text: [String] = []
        while true {
            guard let line = try reader.line() else { throw Failure(description: "\(host) closed the connection") }
            text.append(String(line.dropFirst(4)))
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(line.prefix(3))) else { throw Failure(description: "\(host) does not speak SMTP: \"\(line.prefix(60))\"") }
            if bytes.count == 3 || bytes[3] != UInt8(ascii: "-") { return (code, text.joined(separator: " ")) }
        }
    }

    private func expect(_ reader: inout LineReader, _ code: Int, _ what: String) throws {
        let answer = try reply(&reader)
        guard answer.code == code else { throw Failure(description: "the relay refused \(what): \(answer.code) \(answer.text)") }
    }

    /// Reads CRLF-ended lines from a socket, with the socket's time limit.
    struct LineReader {
        let fd: Int32
        var buffer: [UInt8] = []

        mutating func line() throws -> String? {
            while true {
                if let end = buffer.firstIndex(of: 0x0A) {
                    var line = Array(buffer[..<end])
                    buffer.removeSubrange(...end)
                    if line.last == 0x0D { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                guard buffer.count < 65_536 else { throw Failure(description: "the relay sent a line too long") }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, 4096, 0) }
                if n == 0 { return nil }
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK { throw Failure(description: "the relay did not answer in time") }
                    throw Failure(description: "reading from the relay failed: \(String(cString: strerror(errno)))")
                }
                buffer += chunk[..<n]
            }
        }
    }
}
