/// Text from the data made safe to print on a terminal: control characters (C0 but for line
/// feed, tab and the carriage return of a CRLF line end, DEL, C1) and the bidirectional overrides and isolates become "?", so a name or
/// a file name cannot move the cursor, change colours, retitle the window or reorder a line.
public enum TerminalText {
    /// `text` with every character that could act on a terminal replaced by "?".
    public static func safe(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ !isClean($0, allowingCRLF: true) }) else { return text }  // the usual case, read as bytes
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
        var json = json
        guard json.withUTF8({ !isClean($0, allowingCRLF: false) }) else { return json }
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

    /// True when the UTF-8 bytes hold none of the characters ``isUnsafe(_:)`` names (a CR
    /// directly before an LF allowed if asked): the same test, one pass over the bytes, so that
    /// an export of 100,000 rows costs no more than reading them.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, allowingCRLF: Bool) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F { index += 1; continue }
            switch byte {
            case 0x0A, 0x09: index += 1; continue
            case 0x0D where allowingCRLF && index + 1 < count && bytes[index + 1] == 0x0A: index += 2; continue
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]): return false  // C1: U+0080 to U+009F
            case 0xD8 where index + 1 < count && bytes[index + 1] == 0x9C: return false                   // U+061C
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80
                && ((0x8E...0x8F).contains(bytes[index + 2]) || (0xAA...0xAE).contains(bytes[index + 2])): return false  // U+200E/F, U+202A-E
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2]): return false  // U+2066-9
            default:
                if byte < 0x80 { return false }  // another C0 control, or DEL
                index += 1  // a lead or continuation byte of anything else
            }
        }
        return true
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }
}
