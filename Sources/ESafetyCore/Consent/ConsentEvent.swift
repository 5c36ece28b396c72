import CivilTime
import Foundation

/// One thing a parent or carer did about a pupil's consent: returned a consent form (the uses
/// ticked are given, the others refused), or withdrew consent for some uses. Events are only
/// ever added, so the register keeps who said what and when, as the policy asks ("until the
/// image is no longer in use").
public struct ConsentEvent: Codable, Hashable, Sendable {
    /// A returned form, or a withdrawal.
    public enum Kind: String, Codable, Sendable {
        case given, withdrawn
    }

    public var personID: String
    public var kind: Kind
    /// A form: the uses consented to (every other use is refused). A withdrawal: the uses withdrawn.
    public var uses: [ConsentUse]
    /// The parent or carer who signed the form or withdrew consent.
    public var by: String
    /// The date on the form, or of the withdrawal.
    public var on: CivilDate
    /// A form: the version of the consent form ("2026-v1"). Nil for a withdrawal.
    public var formVersion: String?
    /// Who entered it, and when.
    public var recordedBy: AuditActor
    public var recordedAt: Date

    public init(personID: String, kind: Kind, uses: [ConsentUse], by: String, on: CivilDate, formVersion: String?,
                recordedBy: AuditActor, recordedAt: Date) {
        self.personID = personID; self.kind = kind; self.uses = Array(Set(uses)).sorted(); self.by = by; self.on = on
        self.formVersion = formVersion; self.recordedBy = recordedBy; self.recordedAt = recordedAt
    }

    /// Events in the order they take effect: by date, then as entered.
    static func inOrder(_ a: ConsentEvent, _ b: ConsentEvent) -> Bool { (a.on, a.recordedAt) < (b.on, b.recordedAt) }
}
