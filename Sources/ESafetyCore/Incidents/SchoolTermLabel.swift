import CivilTime

/// A term of the school year as the policies write it: "Autumn 2026".
public struct SchoolTermLabel: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Season: Int, Sendable, CaseIterable {
        case autumn, spring, summer
        public var name: String { ["Autumn", "Spring", "Summer"][rawValue] }
    }

    /// The calendar year the term falls in (Autumn 2026 is followed by Spring 2027).
    public var year: Int
    public var season: Season

    public init(season: Season, year: Int) { self.season = season; self.year = year }

    public var description: String { "\(season.name) \(year)" }

    /// Reads "Autumn 2026" back.
    public init?(text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let year = Int(parts[1]), let season = Season.allCases.first(where: { $0.name == parts[0] }) else { return nil }
        self.init(season: season, year: year)
    }

    /// Orders terms in time: Spring 2027 comes after Autumn 2026.
    public static func < (a: SchoolTermLabel, b: SchoolTermLabel) -> Bool {
        a.sortKey < b.sortKey
    }

    private var sortKey: Int { season == .autumn ? year * 3 + 3 : year * 3 + season.rawValue }

    /// The usual English terms when a school has not set its own dates: Autumn from September
    /// to December, Spring from January to March, Summer from April to August.
    public static func usual(for date: CivilDate) -> SchoolTermLabel {
        switch date.month {
        case 9...12: return SchoolTermLabel(season: .autumn, year: date.year)
        case 1...3: return SchoolTermLabel(season: .spring, year: date.year)
        default: return SchoolTermLabel(season: .summer, year: date.year)
        }
    }
}
