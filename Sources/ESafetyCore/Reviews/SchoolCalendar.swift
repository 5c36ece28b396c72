import CivilTime

/// The school's terms. Local authorities (and academies) set different term dates, so the school
/// enters its own; until it does, the dates are placeholders and `confirmed` is false.
///
/// A school year runs from 1 August to 31 July and is named by the year it starts in. Years the
/// school has not listed fall back to the placeholder pattern, so dates far ahead still have a term.
public struct SchoolCalendar: Codable, Equatable, Sendable {
    /// The terms the school has listed (or the placeholders seeded for it), in date order.
    public private(set) var terms: [SchoolTerm]
    /// False while the term dates are the placeholders esafety started with.
    public var confirmed: Bool

    public init(terms: [SchoolTerm], confirmed: Bool) {
        self.terms = terms.sorted { $0.start < $1.start }
        self.confirmed = confirmed
    }

    /// Placeholder term dates for the given school years: Autumn 1 September to 19 December,
    /// Spring 5 January to 31 March, Summer 20 April to 21 July, each moved off a weekend (a
    /// first day to the Monday after, a last day to the Friday before). Not any authority's dates.
    public static func placeholder(academicYears: ClosedRange<Int>) -> SchoolCalendar {
        SchoolCalendar(terms: academicYears.flatMap(patternTerms), confirmed: false)
    }

    /// The placeholder calendar for the school years around `today` (two back, five ahead).
    public static func placeholder(around today: CivilDate) -> SchoolCalendar {
        let year = academicYear(of: today)
        return placeholder(academicYears: (year - 2)...(year + 5))
    }

    static func patternTerms(_ year: Int) -> [SchoolTerm] {
        func first(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
            let date = CivilDate(year: y, month: m, day: d)!
            return date.adding(days: date.weekday == 6 ? 2 : date.weekday == 7 ? 1 : 0)!
        }
        func last(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
            let date = CivilDate(year: y, month: m, day: d)!
            return date.adding(days: date.weekday == 6 ? -1 : date.weekday == 7 ? -2 : 0)!
        }
        return [
            SchoolTerm(season: .autumn, academicYear: year, start: first(year, 9, 1), end: last(year, 12, 19)),
            SchoolTerm(season: .spring, academicYear: year, start: first(year + 1, 1, 5), end: last(year + 1, 3, 31)),
            SchoolTerm(season: .summer, academicYear: year, start: first(year + 1, 4, 20), end: last(year + 1, 7, 21)),
        ]
    }

    /// The school year a date belongs to: 1 August 2026 to 31 July 2027 is 2026.
    public static func academicYear(of date: CivilDate) -> Int { date.month >= 8 ? date.year : date.year - 1 }

    /// The three terms of a school year: the school's own if it has listed all three, else the pattern.
    public func terms(ofAcademicYear year: Int) -> [SchoolTerm] {
        let listed = terms.filter { $0.academicYear == year }
        return listed.count == TermSeason.allCases.count ? listed.sorted { $0.season < $1.season } : Self.patternTerms(year)
    }

    /// The term a date falls in, or the next term to start when the date is in a holiday.
    public func term(onOrAfter date: CivilDate) -> SchoolTerm {
        let year = Self.academicYear(of: date)
        let candidates = terms(ofAcademicYear: year) + terms(ofAcademicYear: year + 1)
        return candidates.first { $0.end >= date } ?? candidates[candidates.count - 1]
    }

    /// The term after `term`.
    public func term(after term: SchoolTerm) -> SchoolTerm {
        let sameYear = terms(ofAcademicYear: term.academicYear).filter { $0.season > term.season }
        return sameYear.first ?? terms(ofAcademicYear: term.academicYear + 1)[0]
    }

    /// The first day of the autumn term of a school year.
    public func schoolYearStart(_ academicYear: Int) -> CivilDate { terms(ofAcademicYear: academicYear)[0].start }

    /// The date as the policies write it: the term ("Autumn 2026") or the holiday
    /// ("Christmas holiday 2026", "Summer holiday 2027").
    public func label(for date: CivilDate) -> String {
        let term = term(onOrAfter: date)
        if term.start <= date { return term.name }
        let previous = terms(ofAcademicYear: term.season == .autumn ? term.academicYear - 1 : term.academicYear)
            .last { $0.season < term.season } ?? terms(ofAcademicYear: term.academicYear - 1)[2]
        return "\(previous.season.holidayAfter) \(previous.end.year)"
    }

    /// Replaces the dates of one listed term, keeping the list in date order.
    /// - Throws: ``ReviewError/badTermDates`` when the term ends before it starts or overlaps another.
    public mutating func update(_ term: SchoolTerm) throws {
        guard term.start <= term.end else { throw ReviewError.badTermDates("\(term.season.name) \(term.academicYear) ends before it starts.") }
        var updated = terms.filter { $0.key != term.key }
        if let clash = updated.first(where: { $0.start <= term.end && term.start <= $0.end }) {
            throw ReviewError.badTermDates("\(term.name) would overlap \(clash.name).")
        }
        updated.append(term)
        terms = updated.sorted { $0.start < $1.start }
    }
}
