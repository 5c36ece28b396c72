import Foundation

/// A day in the Gregorian calendar, with no time and no time zone: a date of birth, the day of
/// an incident. Shown in UK order (`dd/mm/yyyy`); stored and sorted as ISO 8601 (`yyyy-mm-dd`).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1 to 12.
    public let month: Int
    /// 1 to the length of the month.
    public let day: Int

    /// The date, or nil when there is no such day (31/04, 29/02 outside leap years) or the year
    /// is outside 1 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// True for Gregorian leap years: every fourth year, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month (1 to 12) of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// English month names, January first.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]
    /// English day names, Monday first.
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `dd/mm/yyyy`, as people in the UK write dates.
    public var description: String { Self.format(day: day, month: month, year: year) }

    /// `yyyy-mm-dd`, for storage and sorting.
    public var iso8601: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    /// The date in words: "Tuesday 12 May 2026".
    public var longDescription: String { "\(Self.weekdayNames[weekday - 1]) \(day) \(Self.monthNames[month - 1]) \(year)" }

    /// The day of the week: 1 for Monday to 7 for Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 + 1 }

    static func pad(_ number: Int, _ digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    static func format(day: Int, month: Int, year: Int) -> String {
        pad(day, 2) + "/" + pad(month, 2) + "/" + pad(year, 4)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Arithmetic

    /// Days since 1 January 1970 (negative before it).
    public var daysSinceEpoch: Int { EpochDays.days(year: year, month: month, day: day) }

    /// The date a number of days after 1 January 1970, or nil outside years 1 to 9999.
    public init?(daysSinceEpoch days: Int) {
        let (year, month, day) = EpochDays.civil(fromDays: days)
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` later (earlier when negative), or nil outside years 1 to 9999.
    public func adding(days: Int) -> CivilDate? { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Today's date in a time zone (the system's by default).
    public static func today(in timeZone: TimeZone = .current) -> CivilDate {
        today(at: Date(), in: timeZone)
    }

    /// The calendar day that an instant falls on in a time zone.
    public static func today(at instant: Date, in timeZone: TimeZone = .current) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(year: 1970, month: 1, day: 1)!
    }

    // MARK: Parsing

    /// Reads a date typed as `dd/mm/yyyy` or `d/m/yyyy` (UK order; `-` and `.` also separate),
    /// or as ISO 8601 `yyyy-mm-dd`. Spaces around it are ignored. Failures say what is wrong in
    /// words a user can act on.
    public static func parse(_ text: String) -> Result<CivilDate, DateParseError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(.empty) }
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return .failure(.badFormat(trimmed))
        }
        let day: Substring, month: Substring, year: Substring
        if parts[0].count == 4 {
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else {
            (day, month, year) = (parts[0], parts[1], parts[2])
        }
        guard day.count <= 2, month.count <= 2 else { return .failure(.badFormat(trimmed)) }
        guard year.count == 4 else {
            return .failure(year.count <= 2 ? .yearNotInFull(trimmed) : .badFormat(trimmed))
        }
        guard let d = Int(day), let m = Int(month), let y = Int(year) else { return .failure(.badFormat(trimmed)) }
        guard (1...12).contains(m) else { return .failure(.noSuchMonth(day: d, month: m, year: y)) }
        guard let date = CivilDate(year: y, month: m, day: d) else {
            return .failure(y < 1 ? .badFormat(trimmed) : .noSuchDay(day: d, month: m, year: y))
        }
        return .success(date)
    }
}
