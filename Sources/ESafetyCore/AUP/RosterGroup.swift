/// The groups of people on the AUP roster, and which AUP each group signs.
public enum RosterGroup: String, Codable, CaseIterable, Sendable, Comparable {
    case pupil, staff, governor, guest, parent

    /// The AUP people in this group sign: governors and guests (supply staff, visitors, the
    /// technical support provider, other users) sign the staff AUP.
    public var aup: AUPKind {
        switch self {
        case .pupil: return .pupil
        case .staff, .governor, .guest: return .staff
        case .parent: return .parent
        }
    }

    /// The plural name for lists: "Pupils".
    public var plural: String {
        switch self {
        case .pupil: return "Pupils"
        case .staff: return "Staff"
        case .governor: return "Governors"
        case .guest: return "Guests and supply staff"
        case .parent: return "Parents and carers"
        }
    }

    /// The prefix of this group's ids: `pupil-0001`.
    public var idPrefix: String { rawValue }

    /// Reads a group as typed in a CSV file or on the command line ("pupils", "Staff", "carer").
    public static func parse(_ text: String) -> RosterGroup? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let group = RosterGroup(rawValue: word) { return group }
        switch word {
        case "pupils", "student", "students", "child", "children", "learner", "learners": return .pupil
        case "teacher", "teachers", "staff member", "employee": return .staff
        case "governors": return .governor
        case "guests", "supply", "supply staff", "supply teacher", "visitor", "visitors", "technical support", "other": return .guest
        case "parents", "carer", "carers", "parent/carer", "parent or carer": return .parent
        default: return nil
        }
    }

    public static func < (lhs: RosterGroup, rhs: RosterGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

import Foundation
