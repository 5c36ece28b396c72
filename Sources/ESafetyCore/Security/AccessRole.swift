/// A role that carries access to incident records, which therefore changes only by an
/// administrator's signed act (an `AuthorityStatement`), never by what `directory.json` says.
public enum AccessRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads and manages incidents; receives allegations against staff (but not against themselves).
    case headTeacher = "head-teacher"
    /// Reads and manages incidents; receives allegations against staff, unless about themselves.
    case esafetyLead = "esafety-lead"
    /// Reads and manages incidents (not allegations against staff).
    case childProtectionLead = "child-protection-lead"
    /// Receives allegations against the head teacher, with the LADO (KCSIE part 4).
    case chairOfGovernors = "chair-of-governors"

    /// The directory role of the same name.
    public var roleID: String { rawValue }

    /// The directory role's id for each access role.
    public static func forRole(_ roleID: String) -> AccessRole? { AccessRole(rawValue: roleID) }

    public static func < (a: AccessRole, b: AccessRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// As people read it.
    public var label: String {
        switch self {
        case .headTeacher: return "head teacher"
        case .esafetyLead: return "e-safety lead"
        case .childProtectionLead: return "child-protection lead"
        case .chairOfGovernors: return "chair of governors"
        }
    }

    /// True for the roles whose holders get the records key.
    public var readsIncidents: Bool { self != .chairOfGovernors }
}
