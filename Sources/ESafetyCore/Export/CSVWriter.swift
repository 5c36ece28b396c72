import Foundation

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled,
/// lines end in CRLF. A field that starts with `=`, `+`, `-` or `@` is prefixed with `'` so a
/// spreadsheet does not run it as a formula (CSV injection). Control characters and bidi
/// overrides (which CSV cannot escape) become "?".
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        var text = TerminalText.safe(value)  // no escape sequence reaches a terminal or a spreadsheet
        if let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { text = "'" + text }  // = + - @ tab CR
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {  // , " LF CR
            guard text.utf8.contains(0x22) else { return "\"" + text + "\"" }
            return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        return text
    }

    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    /// One record and its CRLF, for exports written row by row.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
