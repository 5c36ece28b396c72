import CivilTime

/// How often a review item falls due, and how its next due date follows from the last time it
/// was done.
public enum ReviewCadence: Hashable, Sendable {
    /// Once a year: a year after it was last done (29 February moves to 28 February).
    case annual
    /// Once a term: by the last day of the term after the one it was done for. Done in a holiday,
    /// it counts for the term that follows.
    case termly
    /// Every so many days after it was last done.
    case everyDays(Int)
    /// By the first day of each school year's autumn term.
    case startOfSchoolYear
    /// In a given month each year (1 to 12): by the month's last day.
    case inMonth(Int)

    /// In words: "every year", "every term", "every 45 days", …
    public var description: String {
        switch self {
        case .annual: return "every year"
        case .termly: return "every term"
        case .everyDays(let days): return "every \(days) days"
        case .startOfSchoolYear: return "at the start of each school year"
        case .inMonth(let month): return "every \(CivilDate.monthNames[month - 1])"
        }
    }

    /// The date it is next due after being done on `done`.
    public func nextDue(afterDoneOn done: CivilDate, calendar: SchoolCalendar) -> CivilDate {
        switch self {
        case .annual:
            return CivilDate(year: done.year + 1, month: done.month, day: done.day)
                ?? CivilDate(year: done.year + 1, month: done.month, day: done.day - 1)!
        case .termly:
            return calendar.term(after: calendar.term(onOrAfter: done)).end
        case .everyDays(let days):
            return done.adding(days: max(1, days)) ?? done
        case .startOfSchoolYear:
            return calendar.schoolYearStart(SchoolCalendar.academicYear(of: done) + 1)
        case .inMonth(let month):
            let year = done.month < month ? done.year : done.year + 1
            return Self.endOfMonth(month, year)
        }
    }

    /// When an item that has never been recorded as done is first due, for a schedule started on
    /// `start`: at once for annual and every-N-days items and for this school year's start once
    /// it has passed (nobody has recorded them yet, but a new store is not already overdue), the
    /// end of the current term, or the end of the month's next occurrence.
    public func firstDue(startingOn start: CivilDate, calendar: SchoolCalendar) -> CivilDate {
        switch self {
        case .annual, .everyDays: return start
        case .termly: return calendar.term(onOrAfter: start).end
        case .startOfSchoolYear: return max(start, calendar.schoolYearStart(SchoolCalendar.academicYear(of: start)))
        case .inMonth(let month):
            return start.month <= month ? Self.endOfMonth(month, start.year) : Self.endOfMonth(month, start.year + 1)
        }
    }

    static func endOfMonth(_ month: Int, _ year: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
    }
}
