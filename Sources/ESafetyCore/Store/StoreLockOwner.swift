import Foundation

/// Who holds a store's lock: written into `<store>/lock` by the writer, read back by a second
/// esafety that is refused, so that its message can say who to ask.
///
/// Fields are optional because the lock file is only advisory text: if it is empty or garbled
/// (for instance the other process has only just taken the lock), the message says so instead.
public struct StoreLockOwner: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The store folder, as the process reporting the error spells it.
    public var store: String
    /// The program and version holding the lock, e.g. "esafety 0.1.0".
    public var program: String?
    /// The holder's process id.
    public var pid: Int32?
    /// The holder's login name.
    public var user: String?
    /// The holder's host name.
    public var host: String?
    /// When the holder took the lock, if it says (esafety no longer writes it: a lock is held for
    /// milliseconds, and the process is what matters).
    public var since: Date?

    /// Creates an owner record.
    public init(store: String, program: String?, pid: Int32?, user: String?, host: String?, since: Date?) {
        self.store = store
        self.program = program
        self.pid = pid
        self.user = user
        self.host = host
        self.since = since
    }

    /// The current process, as it would be written into the lock file.
    static func current(store: String, now: Date) -> StoreLockOwner {
        StoreLockOwner(store: store, program: "esafety \(ESafetyCoreVersion.version)", pid: getpid(),
                       user: StoreSystemInfo.userName(), host: StoreSystemInfo.hostName(), since: nil)
    }

    /// E.g. "esafety (process 4242, user sam on host office-pc) since 2026-11-25 09:14".
    public var description: String {
        var details: [String] = []
        if let pid { details.append("process \(pid)") }
        switch (user, host) {
        case let (user?, host?): details.append("user \(user) on host \(host)")
        case let (user?, nil): details.append("user \(user)")
        case let (nil, host?): details.append("host \(host)")
        case (nil, nil): break
        }
        let name = (program?.split(separator: " ").first).map(String.init) ?? "esafety"
        var text = details.isEmpty ? "another \(name) (its details could not be read)"
                                   : "\(name) (\(details.joined(separator: ", ")))"
        if let since { text += " since \(StoreSystemInfo.localMinute(since))" }
        return text
    }
}
