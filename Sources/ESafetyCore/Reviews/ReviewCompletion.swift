import CivilTime

/// One time a review item was done: kept for good in the item's history.
public struct ReviewCompletion: Codable, Hashable, Sendable {
    /// The day it was done.
    public var date: CivilDate
    /// Who did it, in words ("Tom Whitfield and the link governor").
    public var doneBy: String
    /// What was found or decided.
    public var notes: String
    /// Where the evidence is: minutes, a report's file name, a governors' meeting reference.
    public var evidence: String
    /// Who recorded it in esafety (the audit log has the time).
    public var recordedBy: String

    public init(date: CivilDate, doneBy: String, notes: String = "", evidence: String = "", recordedBy: String = "") {
        self.date = date; self.doneBy = doneBy; self.notes = notes; self.evidence = evidence; self.recordedBy = recordedBy
    }
}
