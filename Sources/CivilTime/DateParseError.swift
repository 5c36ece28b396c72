/// Why a typed date was refused, in words for the person typing it.
public enum DateParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// The text is not shaped like a date.
    case badFormat(String)
    /// The year was typed with two digits ("12/05/26"), which is ambiguous.
    case yearNotInFull(String)
    /// The month is not 1 to 12.
    case noSuchMonth(day: Int, month: Int, year: Int)
    /// The month has no such day (31/04, 29/02/2026).
    case noSuchDay(day: Int, month: Int, year: Int)
    /// The date is after today, where dates must not be in the future.
    case inTheFuture(CivilDate, today: CivilDate)
    /// The date is after the latest allowed.
    case tooLate(CivilDate, latest: CivilDate)
    /// The date is before the earliest allowed.
    case tooEarly(CivilDate, earliest: CivilDate)

    public var description: String {
        switch self {
        case .empty, .badFormat:
            return "Type the date as dd/mm/yyyy"
        case .yearNotInFull:
            return "Type the year in full, as dd/mm/yyyy"
        case let .noSuchMonth(day, month, year):
            return "\(CivilDate.format(day: day, month: month, year: year)) is not a date: months go from 01 to 12"
        case let .noSuchDay(day, month, year):
            let days = CivilDate.daysIn(month: month, year: year)
            return "\(CivilDate.format(day: day, month: month, year: year)) is not a date: "
                + "\(CivilDate.monthNames[month - 1]) \(year) has \(days) days"
        case let .inTheFuture(date, today):
            return "\(date) must not be in the future (today is \(today))"
        case let .tooLate(date, latest):
            return "\(date) must not be after \(latest)"
        case let .tooEarly(date, earliest):
            return "\(date) must not be before \(earliest)"
        }
    }
}
