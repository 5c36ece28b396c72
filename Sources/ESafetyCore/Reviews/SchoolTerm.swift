import CivilTime

/// One term of a school year with the school's own first and last days.
public struct SchoolTerm: Codable, Hashable, Sendable {
    /// Autumn, spring or summer.
    public var season: TermSeason
    /// The school year the term belongs to, named by the year it starts in (2026 for 2026-27).
    public var academicYear: Int
    /// The first day of the term.
    public var start: CivilDate
    /// The last day of the term.
    public var end: CivilDate

    public init(season: TermSeason, academicYear: Int, start: CivilDate, end: CivilDate) {
        self.season = season; self.academicYear = academicYear; self.start = start; self.end = end
    }

    /// The term as the policies write it: "Autumn 2026", "Spring 2027" (the calendar year it starts in).
    public var name: String { "\(season.name) \(start.year)" }

    /// A stable key such as "2026-autumn".
    public var key: String { "\(academicYear)-\(season.rawValue)" }

    /// True when `date` falls within the term, first and last days included.
    public func contains(_ date: CivilDate) -> Bool { start <= date && date <= end }
}
