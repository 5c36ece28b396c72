import Foundation

/// `alerts.json`: the optional e-mail alert an administrator sets in Settings. Each new
/// incident then sends a message with no details to these addresses. No passphrase is kept:
/// the relay is one on the school's own network (or the machine's `sendmail`) that accepts
/// mail from this machine.
public struct AlertSettings: Codable, Sendable, Hashable {
    /// How the message leaves this machine.
    public enum Transport: String, Codable, Sendable, CaseIterable {
        /// The system's `sendmail` interface (Postfix, Exim, msmtp, nullmailer all provide it).
        case sendmail
        /// SMTP to a relay, plain (the relay is on the school's network or this machine).
        case smtp
    }

    public var enabled = false
    public var addresses: [String] = []
    public var transport: Transport = .sendmail
    public var sendmailPath = "/usr/sbin/sendmail"
    public var smtpHost = "127.0.0.1"
    public var smtpPort = 25
    /// The sender's address.
    public var from = "esafety@localhost.localdomain"

    public init() {}

    static let document = "alerts"

    /// What is wrong with the settings, empty when they can be used. Addresses must be plain
    /// `name@domain` with nothing that could start a new line of the message.
    public var problems: [String] {
        var problems: [String] = []
        if enabled && addresses.isEmpty { problems.append("Give at least one address to send alerts to.") }
        for address in addresses + [from] where !Self.isPlainAddress(address) {
            problems.append("\"\(address)\" is not an e-mail address such as lead@school.example.")
        }
        if transport == .smtp && (smtpHost.isEmpty || smtpHost.contains(where: \.isWhitespace)) { problems.append("Give the relay's host name.") }
        if !(1...65535).contains(smtpPort) { problems.append("The relay's port must be from 1 to 65535.") }
        if transport == .sendmail && !sendmailPath.hasPrefix("/") { problems.append("Give the full path of sendmail, such as /usr/sbin/sendmail.") }
        return problems
    }

    static func isPlainAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }
}
