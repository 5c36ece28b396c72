/// Text from the data made safe to print on a terminal: control characters (C0 but for line
/// feed, tab and the carriage return of a CRLF line end, DEL, C1) and the bidirectional overrides and isolates become "?", so a name or
/// a file name cannot move the cursor, change colours, retitle the window or reorder a line.
public enum TerminalText {
    /// `text` with every character that could act on a terminal replaced by "?".
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let endsALine = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            result.append(isUnsafe(scalar) && !endsALine ? "?" : scalar)
        }
        return String(result)
    }

    /// Encoded JSON with every such character inside its strings written as a `\uXXXX` escape
    /// (JSON allows any character so escaped; outside strings JSON is ASCII), so an export shown
    /// on a terminal cannot act on it either, and reads back as the same text.
    public static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isUnsafe) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if isUnsafe(scalar) && scalar != "\n" && scalar != "\t" {
                result += String(format: "\\u%04X", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }
}
