/// What a signed-in person may do, from their roles in the directory (and the administrator
/// flag on their account). Checked in ESafetyCore, not only by hiding screens.
public enum AccessLevel: String, Codable, Sendable, CaseIterable, Comparable {
    /// Staff and office: record an incident or concern, record AUP signatures, read the role
    /// directory and the review schedule. Cannot list or open other people's incidents.
    case staff
    /// Governors: anonymised figures only.
    case governor
    /// The e-safety lead and the designated child-protection leads: read and manage incidents,
    /// walk the flowchart, run reports.
    case lead
    /// The head teacher: as the leads, and the one who sees allegations against staff.
    case headTeacher

    public static func < (a: AccessLevel, b: AccessLevel) -> Bool { a.rank < b.rank }
    private var rank: Int { [.staff: 0, .governor: 1, .lead: 2, .headTeacher: 3][self]! }

    public var label: String {
        switch self {
        case .staff: return "staff"
        case .governor: return "governor"
        case .lead: return "lead"
        case .headTeacher: return "head teacher"
        }
    }

    /// The level a person's roles give them: the highest that applies.
    public static func level(of personID: String, in directory: RoleDirectory) -> AccessLevel {
        let roles = Set(directory.roles(heldBy: personID).map(\.id))
        if roles.contains(Role.WellKnown.headTeacher) { return .headTeacher }
        if roles.contains(Role.WellKnown.esafetyLead) || roles.contains(Role.WellKnown.childProtectionLead) { return .lead }
        if roles.contains(Role.WellKnown.linkGovernor) { return .governor }
        return .staff
    }

    /// True for the levels that hold the key to incident records.
    public var readsIncidents: Bool { self >= .lead }
}
