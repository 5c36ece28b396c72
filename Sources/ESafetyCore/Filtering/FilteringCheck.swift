import CivilTime
import Foundation

/// One check that filtering and monitoring work, as the DfE standard asks each check to be
/// logged: when and by whom; what was tested (categories, device, location, user group); the
/// result and what was done about it.
public struct FilteringCheck: Codable, Hashable, Sendable, Identifiable {
    /// How the check came out.
    public enum Result: String, Codable, CaseIterable, Sendable {
        /// Everything tested was blocked (or alerted) as it should be.
        case passed
        /// Something got through, or was blocked that should not be.
        case failed
    }

    /// `check-0003`.
    public var id: String
    public var date: CivilDate
    /// Who did the check (the DSL, the technical support provider, …).
    public var checkedBy: String
    /// Category ids (``FilteringCategory``) or other categories in words.
    public var categories: [String]
    /// "Year 5 class laptop", "Office PC", "Pupil iPad".
    public var device: String
    /// "ICT suite", "Staff room", "Remote (home)".
    public var location: String
    /// "Pupils (KS2)", "Staff", "Guest wi-fi".
    public var userGroup: String
    public var result: Result
    /// What happened, in words: "All blocked; the self-harm test alerted the DSL in 2 minutes".
    public var resultDetail: String
    /// What was done: "Reported to SWGfL helpline", "Provider added the site".
    public var actions: String
    public var recordedBy: AuditActor
    public var recordedAt: Date
}

/// The annual review of filtering and monitoring provision, with the named senior leader and
/// governor the DfE standard asks for, and what is blocked or allowed, and why.
public struct FilteringReview: Codable, Hashable, Sendable, Identifiable {
    /// `review-0001`.
    public var id: String
    public var date: CivilDate
    /// The member of the senior leadership team responsible for filtering and monitoring.
    public var seniorLeader: String
    /// The governor responsible for filtering and monitoring.
    public var governor: String
    /// Everyone else who took part (the DSL, the IT provider).
    public var others: String
    /// What the review found, including what is blocked or allowed and why.
    public var findings: String
    /// What is to change as a result.
    public var actions: String
    public var recordedBy: AuditActor
    public var recordedAt: Date
}
