import CivilTime

/// Something that must still be done about an incident: what, who (from the role directory),
/// by when, and when it was done.
public struct FollowUpAction: Codable, Sendable, Hashable, Identifiable {
    /// 1, 2, 3… within the incident.
    public var id: Int
    public var what: String
    public var ownerPersonID: String?
    public var ownerName: String
    public var due: CivilDate
    public var doneOn: CivilDate?
    public var doneBy: String?

    public init(id: Int, what: String, ownerPersonID: String?, ownerName: String, due: CivilDate) {
        self.id = id; self.what = what; self.ownerPersonID = ownerPersonID; self.ownerName = ownerName; self.due = due
    }

    public var isDone: Bool { doneOn != nil }

    /// Not done and past its due date.
    public func isOverdue(today: CivilDate) -> Bool { doneOn == nil && due < today }
}
