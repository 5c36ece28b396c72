import CivilTime
import Foundation

/// One signature of one AUP version by one person: who, which version, when, how it was
/// taken, and the member of staff who witnessed or recorded it.
public struct AUPSignature: Codable, Sendable, Hashable {
    /// How a signature was taken.
    public enum Method: String, Codable, Sendable, CaseIterable {
        /// Typed their full name at the shared terminal after reading the text.
        case terminal
        /// Signed on paper; the office recorded it with the date it was signed.
        case paper
        /// Ticked off the class list at the start of the year, after writing the class AUP.
        case classList = "class"
    }

    public var personID: String
    public var kind: AUPKind
    public var versionID: String
    /// The day it was signed (for paper signatures, the date on the paper).
    public var signedOn: CivilDate
    /// When it was recorded, UTC.
    public var recordedAt: Date
    public var method: Method
    /// Who was signed in when it was recorded: the witness.
    public var witness: AuditActor
    /// For guests and supply staff: the last day the signature (and their access) counts.
    public var lapsesAfter: CivilDate?

    public init(personID: String, kind: AUPKind, versionID: String, signedOn: CivilDate, recordedAt: Date,
                method: Method, witness: AuditActor, lapsesAfter: CivilDate? = nil) {
        self.personID = personID; self.kind = kind; self.versionID = versionID; self.signedOn = signedOn
        self.recordedAt = recordedAt; self.method = method; self.witness = witness; self.lapsesAfter = lapsesAfter
    }

    /// True when this signature counts on `today`: on the current version, signed since the start
    /// of this school year, and not lapsed.
    public func counts(currentVersionID: String?, today: CivilDate) -> Bool {
        guard versionID == currentVersionID else { return false }
        guard signedOn >= SchoolYear(containing: today).start, signedOn <= today else { return false }
        if let lapsesAfter, today > lapsesAfter { return false }
        return true
    }
}
