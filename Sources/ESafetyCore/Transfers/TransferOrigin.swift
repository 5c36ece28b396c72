import CivilTime
import Foundation

/// Where a prior record came from: a child-protection record received from the pupil's
/// previous school by `esafety transfer in`. A record with an origin is read-only here: it is
/// that school's record, kept as they sent it.
public struct TransferOrigin: Codable, Sendable, Hashable {
    /// The sending school's name, as its esafety profile gave it.
    public var school: String
    /// The record's reference at the sending school.
    public var originalID: String
    /// The bundle it came in (the same for every record of one transfer).
    public var bundleID: String
    /// When the sending school sealed the bundle, and when this school imported it.
    public var sentAt: Date
    public var receivedAt: Date

    public init(school: String, originalID: String, bundleID: String, sentAt: Date, receivedAt: Date) {
        self.school = school; self.originalID = originalID; self.bundleID = bundleID
        self.sentAt = sentAt; self.receivedAt = receivedAt
    }

    /// "Oakfield Primary (their 2025-0012), received 02/12/2026".
    public func label(timeZone: TimeZone = .current) -> String {
        "\(school) (their \(originalID)), received \(CivilDate.today(at: receivedAt, in: timeZone))"
    }
}
