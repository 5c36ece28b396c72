/// What a signed-in person may do, from the access roles the signed authority gives them (and
/// their administrator flag there). Checked in ESafetyCore, not only by hiding screens.
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

    /// The level the signed authority's access roles give a person: the highest that applies.
    /// Governors (who see only the anonymised figures) are named by the directory.
    public static func level(access: Set<AccessRole>, isGovernor: Bool) -> AccessLevel {
        if access.contains(.headTeacher) { return .headTeacher }
        if access.contains(.esafetyLead) || access.contains(.childProtectionLead) { return .lead }
        if isGovernor || access.contains(.chairOfGovernors) { return .governor }
        return .staff
    }

    /// True for the levels that hold the key to incident records.
    public var readsIncidents: Bool { self >= .lead }
}
