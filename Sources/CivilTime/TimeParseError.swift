/// Why a typed time was refused, in words for the person typing it.
public enum TimeParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing was typed.
    case empty
    /// The text is not shaped like a time.
    case badFormat(String)
    /// The hour is not 00 to 23.
    case noSuchHour(hour: Int, minute: Int)
    /// The minute is not 00 to 59.
    case noSuchMinute(hour: Int, minute: Int)

    public var description: String {
        switch self {
        case .empty, .badFormat:
            return "Type the time as HH:MM (24-hour clock)"
        case let .noSuchHour(hour, minute):
            return "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)) is not a time: hours go from 00 to 23"
        case let .noSuchMinute(hour, minute):
            return "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)) is not a time: minutes go from 00 to 59"
        }
    }
}
