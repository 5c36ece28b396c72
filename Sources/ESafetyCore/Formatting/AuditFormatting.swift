import Foundation

/// How dates and times of records are shown to people: local time, day first, 24-hour clock.
public enum AuditFormatting {
    /// "14:02" for a time today, else "25/11 14:02" (this year) or "25/11/2025 14:02": short
    /// enough for a status line.
    public static func shortTimestamp(_ date: Date, now: Date = Date(), timeZone: TimeZone = .current) -> String {
        let full = timestamp(date, timeZone: timeZone)
        let today = timestamp(now, timeZone: timeZone)
        if full.prefix(10) == today.prefix(10) { return String(full.suffix(5)) }
        if full.dropFirst(6).prefix(4) == today.dropFirst(6).prefix(4) { return full.prefix(5) + " " + full.suffix(5) }
        return full
    }

    /// "25/11/2026 14:02" in the machine's time zone.
    public static func timestamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
