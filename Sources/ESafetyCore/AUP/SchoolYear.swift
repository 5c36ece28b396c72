import CivilTime

/// A school year, which starts on 1 September and ends on 31 August: "signed this year" means
/// on or after the start of the school year that contains today.
public struct SchoolYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the school year starts (2026 for 2026-27).
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The school year a date falls in: 31 August 2027 is in 2026-27, 1 September 2027 in 2027-28.
    public init(containing date: CivilDate) {
        startYear = date.month >= 9 ? date.year : date.year - 1
    }

    /// 1 September of the start year.
    public var start: CivilDate { CivilDate(year: startYear, month: 9, day: 1)! }
    /// 31 August of the following year.
    public var end: CivilDate { CivilDate(year: startYear + 1, month: 8, day: 31)! }

    public func contains(_ date: CivilDate) -> Bool { date >= start && date <= end }

    /// "2026-27", as the school writes it and as signature files are named.
    public var description: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    /// Reads "2026-27" back.
    public init?(_ label: String) {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let next = Int(parts[1]),
              next == (year + 1) % 100 else { return nil }
        startYear = year
    }

    public var previous: SchoolYear { SchoolYear(startYear: startYear - 1) }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.startYear < rhs.startYear }
}
