import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small facts about this process and machine, for lock files and messages.
enum StoreSystemInfo {
    /// The effective user's login name, from the user database, else `USER`/`LOGNAME`.
    static func userName() -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let name: String? = buffer.withUnsafeMutableBufferPointer { storage in
            guard let base = storage.baseAddress,
                  getpwuid_r(geteuid(), &entry, base, storage.count, &result) == 0,
                  result != nil, let pointer = entry.pw_name else { return nil }
            return String(cString: pointer)
        }
        if let name, !name.isEmpty { return name }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"]
    }

    /// This machine's host name.
    static func hostName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? nil : name
    }

    /// `date` as "yyyy-MM-dd HH:mm" in local time, for messages to people.
    static func localMinute(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return StoreJSON.string(from: date) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// The system's description of an `errno` value, e.g. "No space left on device".
    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
