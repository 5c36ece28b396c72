import CivilTime

/// A review item with its next due date and where that stands today.
public struct ReviewDue: Hashable, Sendable {
    /// How a due date stands on a given day.
    public enum State: Hashable, Sendable {
        /// The due date has passed.
        case overdue
        /// Due within the "soon" window (today counts as soon).
        case dueSoon
        /// Due later than that.
        case later
        /// An optional item: suggested, never overdue.
        case optional
    }

    public var item: ReviewItem
    public var due: CivilDate
    public var state: State
    /// Days from today to the due date: negative when overdue.
    public var daysUntilDue: Int

    /// Where `item` stands on `today`, with items due within `soonDays` counted as soon.
    public init(item: ReviewItem, calendar: SchoolCalendar, today: CivilDate, soonDays: Int = ReviewSchedule.soonDays) {
        self.item = item
        due = item.nextDue(calendar: calendar)
        daysUntilDue = due.daysSinceEpoch - today.daysSinceEpoch
        if item.isOptional { state = .optional }
        else if daysUntilDue < 0 { state = .overdue }
        else if daysUntilDue <= soonDays { state = .dueSoon }
        else { state = .later }
    }

    /// "12 days overdue", "due today", "due in 3 days", "due in 5 weeks".
    public var whenInWords: String {
        switch daysUntilDue {
        case ..<(-1): return "\(-daysUntilDue) days overdue"
        case -1: return "1 day overdue"
        case 0: return "due today"
        case 1: return "due tomorrow"
        case 2...27: return "due in \(daysUntilDue) days"
        default: return "due in \(daysUntilDue / 7) weeks"
        }
    }
}
