/// The acceptable use policies people sign: one for pupils, one for staff (also signed by
/// governors, supply staff, guests, the technical support provider and other users), and one
/// for parents and carers.
public enum AUPKind: String, Codable, CaseIterable, Sendable, Comparable {
    case pupil, staff, parent

    /// The AUP's name for people: "Pupil AUP".
    public var title: String {
        switch self {
        case .pupil: return "Pupil AUP"
        case .staff: return "Staff AUP"
        case .parent: return "Parent and carer AUP"
        }
    }

    /// The default text shipped in `Resources/aup/`.
    public var resourcePath: String { "aup/\(rawValue).txt" }

    public static func < (lhs: AUPKind, rhs: AUPKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
