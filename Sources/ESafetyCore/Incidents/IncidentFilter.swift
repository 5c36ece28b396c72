/// What the incident log is narrowed to: a status, a type, a term and a person's name.
public struct IncidentFilter: Sendable, Hashable {
    public var status: IncidentStatus?
    public var typeID: String?
    public var term: SchoolTermLabel?
    public var person: String

    public init(status: IncidentStatus? = nil, typeID: String? = nil, term: SchoolTermLabel? = nil, person: String = "") {
        self.status = status; self.typeID = typeID; self.term = term; self.person = person
    }

    public var isEmpty: Bool { status == nil && typeID == nil && term == nil && person.trimmed.isEmpty }
}
