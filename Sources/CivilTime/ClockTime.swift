import Foundation

/// A time of day on the 24-hour clock, to the minute, with no date and no time zone.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0 to 23.
    public let hour: Int
    /// 0 to 59.
    public let minute: Int

    /// The time, or nil when the hour is not 0 to 23 or the minute not 0 to 59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour; self.minute = minute
    }

    /// Minutes since midnight, 0 to 1439.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// `HH:MM`, such as "09:05".
    public var description: String { CivilDate.pad(hour, 2) + ":" + CivilDate.pad(minute, 2) }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }

    /// Reads a time typed as `HH:MM` or `H:MM` (a `.` also separates) or as four digits `HHMM`.
    public static func parse(_ text: String) -> Result<ClockTime, TimeParseError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(.empty) }
        var parts = trimmed.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "." }.map(String.init)
        if parts.count == 1, trimmed.count == 4 { parts = [String(trimmed.prefix(2)), String(trimmed.suffix(2))] }
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return .failure(.badFormat(trimmed)) }
        guard (0...23).contains(hour) else { return .failure(.noSuchHour(hour: hour, minute: minute)) }
        guard let time = ClockTime(hour: hour, minute: minute) else { return .failure(.noSuchMinute(hour: hour, minute: minute)) }
        return .success(time)
    }
}
