/// Someone involved in an incident, as the form asks: a child or young person, a member of
/// staff, or someone else (specified). Linked to a person record where one exists, so a
/// chronology can find every incident that involves them.
public struct InvolvedParty: Codable, Sendable, Hashable {
    /// Which box of the form.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case child, staff, other

        public var label: String {
            switch self {
            case .child: return "child/young person"
            case .staff: return "staff member"
            case .other: return "other"
            }
        }
    }

    public var kind: Kind
    public var name: String
    /// The person record in the directory or roster, when the name matched one.
    public var personID: String?

    public init(kind: Kind, name: String, personID: String? = nil) {
        self.kind = kind; self.name = name; self.personID = personID
    }

    /// True when `parties` include a person: by their record, or by their name (ignoring case
    /// and accents), for chronologies.
    static func anyInvolves(_ parties: [InvolvedParty], personID: String?, name: String) -> Bool {
        parties.contains { party in
            if let personID, party.personID == personID { return true }
            return TextSearch.fold(party.name) == TextSearch.fold(name)
        }
    }
}
