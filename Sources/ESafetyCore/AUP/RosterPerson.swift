import CivilTime

/// Someone on the AUP roster: a pupil with their class, a member of staff, a governor, a guest
/// or supply teacher with the dates of their visit, or a parent or carer linked to their children.
public struct RosterPerson: Codable, Sendable, Hashable, Identifiable {
    /// `pupil-0042`: the group and a number never reused within it.
    public var id: String
    public var fullName: String
    public var group: RosterGroup
    /// Pupils: their class (its year group comes from the class list).
    public var className: String?
    public var dateOfBirth: CivilDate?
    /// The id in the school's management information system, if the import had one.
    public var misID: String?
    /// Pupils: the Unique Pupil Number, checked on import (see ``UPN``).
    public var upn: String?
    /// The legal forename and surname, kept apart when the import had them as two columns.
    public var legalForename: String?
    public var legalSurname: String?
    /// Parents and carers: the ids of their children on the roster.
    public var childIDs: [String]?
    /// Guests: why they are here ("Supply teacher", "Technical support").
    public var note: String?
    /// Guests: the first and last day of their visit; their staff AUP signature lapses after it.
    public var visitFrom: CivilDate?
    public var visitUntil: CivilDate?

    public init(id: String, fullName: String, group: RosterGroup, className: String? = nil, dateOfBirth: CivilDate? = nil,
                misID: String? = nil, childIDs: [String]? = nil, note: String? = nil,
                visitFrom: CivilDate? = nil, visitUntil: CivilDate? = nil) {
        self.id = id; self.fullName = fullName; self.group = group; self.className = className
        self.dateOfBirth = dateOfBirth; self.misID = misID; self.childIDs = childIDs; self.note = note
        self.visitFrom = visitFrom; self.visitUntil = visitUntil
    }

    /// The number in the id (42 for `pupil-0042`).
    public var number: Int { Int(id.split(separator: "-").last ?? "") ?? 0 }

    /// Signatures are sharded by the last two digits of the person's number.
    public static func bucket(of id: String) -> String {
        let digits = String(id.split(separator: "-").last ?? "00")
        return String(String(repeating: "0", count: max(0, 2 - digits.count)) + digits).suffix(2).description
    }

    /// A guest whose visit has ended is no longer due to sign.
    public func isActive(on today: CivilDate) -> Bool {
        if let visitUntil, today > visitUntil { return false }
        return true
    }

    /// True when a typed name is this person's name (ignoring case and runs of spaces, but not
    /// accents: "Zoe" does not sign for "Zoë"): the full name as on the roster, or, where the
    /// legal names are kept apart, forename first ("Zoë Ōkubo") or in the roster's order
    /// ("Ōkubo Zoë", "Ōkubo, Zoë").
    public func nameMatches(_ typed: String) -> Bool {
        let typed = Self.canonical(typed)
        if typed == Self.canonical(fullName) { return true }
        guard let forename = legalForename, let surname = legalSurname, !forename.isEmpty, !surname.isEmpty else { return false }
        return [forename + " " + surname, surname + " " + forename, surname + ", " + forename].contains { Self.canonical($0) == typed }
    }

    static func canonical(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
