import CivilTime

extension SchoolCalendar {
    /// True on a weekday within one of the school's terms.
    public func isSchoolDay(_ date: CivilDate) -> Bool {
        date.weekday <= 5 && term(onOrAfter: date).contains(date)
    }

    /// The `count`th school day after `date` (not counting `date` itself): a file sent during
    /// a holiday is due within the first days of the next term, as KCSIE asks.
    public func adding(schoolDays count: Int, to date: CivilDate) -> CivilDate {
        var day = date
        var counted = 0
        while counted < count {
            guard let next = day.adding(days: 1) else { return day }
            day = next
            if isSchoolDay(day) { counted += 1 }
        }
        return day
    }
}
