/// Text from the data made safe to print on a terminal: control characters (C0 but for line
/// feed and tab, DEL, C1) and the bidirectional overrides and isolates become "?", so a name or
/// a file name cannot move the cursor, change colours, retitle the window or reorder a line.
public enum TerminalText {
    /// `text` with every character that could act on a terminal replaced by "?".
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isUnsafe(scalar) ? "?" : scalar) }
        return String(result)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }
}
