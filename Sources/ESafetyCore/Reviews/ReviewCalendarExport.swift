import CivilTime
import Foundation

/// Writes the review schedule as an iCalendar file (RFC 5545) that Outlook and Google Calendar
/// import: one all-day event for each item's next due date. CRLF line endings, lines folded at
/// 75 octets, text values escaped.
public enum ReviewCalendarExport {
    /// The calendar text for `entries`, stamped with `stamp` (the DTSTAMP of every event).
    public static func iCalendar(_ entries: [ReviewDue], calendar: SchoolCalendar, roleName: (String) -> String,
                                 schoolName: String, stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//esafety//Review schedule \(ESafetyCoreVersion.version)//EN",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape("E-safety reviews: \(schoolName)")]
        let dtstamp = timestamp(stamp)
        for entry in entries {
            let item = entry.item
            var description = "\(item.detail)\nOwner: \(roleName(item.ownerRoleID))\nHow often: \(item.cadence.description)"
            description += "\nDue: \(entry.due) (\(calendar.label(for: entry.due)))"
            if let last = item.lastDone { description += "\nLast done: \(last.date) by \(last.doneBy)" }
            if item.isOptional { description += "\nOptional: \(item.optionalReason)" }
            description += "\nSource: \(item.source)"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(item.id)-\(basic(entry.due))@esafety",
                "DTSTAMP:\(dtstamp)",
                "DTSTART;VALUE=DATE:\(basic(entry.due))",
                "DTEND;VALUE=DATE:\(basic(entry.due.adding(days: 1) ?? entry.due))",
                "SUMMARY:" + escape((item.isOptional ? "Optional: " : "") + item.title),
                "DESCRIPTION:" + escape(description),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line so no line is longer than 75 octets, never splitting a UTF-8
    /// character; continuation lines start with one space (RFC 5545 3.1).
    public static func fold(_ line: String) -> String {
        var result = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > limit {
                result += "\r\n "
                current = 1
                limit = 75
            }
            result.unicodeScalars.append(scalar)
            current += size
        }
        return result
    }

    static func basic(_ date: CivilDate) -> String { date.iso8601.replacingOccurrences(of: "-", with: "") }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
