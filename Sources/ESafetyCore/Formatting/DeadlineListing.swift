import CivilTime

/// A record with a statutory deadline that is listed one line each (a subject access request,
/// a child-protection file sent): its line, whether it is overdue, and the two together.
public protocol DeadlineListing {
    /// The record as one line of a list.
    var line: String { get }
    /// True when the deadline has passed and what it asks for is not done.
    func isOverdue(today: CivilDate) -> Bool
}

extension DeadlineListing {
    /// `line`, followed by " (OVERDUE)" when it is overdue today: how the `list` commands print it.
    public func listed(today: CivilDate) -> String { line + (isOverdue(today: today) ? " (OVERDUE)" : "") }
}
