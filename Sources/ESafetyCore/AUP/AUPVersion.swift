import CivilTime

/// One published text of an AUP, identified by a hash of its content and the date it was
/// published. Publishing a changed text makes a new version; everyone who signed an older
/// version of that AUP is due to sign again.
public struct AUPVersion: Codable, Sendable, Hashable, Identifiable {
    /// `pupil-2026-09-01-1a2b3c4d`: the AUP, the date and the start of the hash.
    public var id: String
    public var kind: AUPKind
    /// The FNV-1a 64-bit hash of the normalised text, 16 hex digits (see ``contentHash(of:)``).
    public var contentHash: String
    public var publishedOn: CivilDate
    public var text: String

    public init(kind: AUPKind, text: String, publishedOn: CivilDate) {
        let normalised = Self.normalise(text)
        let hash = Self.contentHash(of: normalised)
        self.id = "\(kind.rawValue)-\(publishedOn.iso8601)-\(hash.prefix(8))"
        self.kind = kind
        self.contentHash = hash
        self.publishedOn = publishedOn
        self.text = normalised
    }

    /// The text with line endings made `\n`, trailing spaces removed from each line and one
    /// final newline, so re-saving a file in another editor does not make a new version.
    public static func normalise(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var line = line
                while let last = line.last, last == " " || last == "\t" { line.removeLast() }
                return line
            }
        var joined = lines.joined(separator: "\n")
        while joined.hasSuffix("\n") { joined.removeLast() }
        return joined + "\n"
    }

    /// FNV-1a (64-bit) of the UTF-8 bytes, as 16 lower-case hex digits: enough to tell texts
    /// apart and to show which text a signature was for; not a security measure.
    public static func contentHash(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

import Foundation
