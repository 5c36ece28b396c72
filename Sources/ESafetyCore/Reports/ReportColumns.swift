/// The width of text in the columns of a printed page or a terminal: most characters take one,
/// East Asian wide characters take two and combining marks none. For laying out the text
/// report at 80 columns (the UI kit measures the screen its own way; the domain knows no
/// terminal).
enum ReportColumns {
    static func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + width(of: $1) } }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0x200B || (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x20D0...0x20FF).contains(v)
            || (0xFE20...0xFE2F).contains(v) || v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) { return 2 }
        return 1
    }

    /// Wraps `text` to `width` columns: the first line starts with `first`, later lines with
    /// `rest` (a hanging indent). A word longer than a line is split; runs of spaces inside a
    /// line are kept, and trailing ones dropped. Empty text gives `first`.
    static func wrap(_ text: String, width: Int, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = self.width(first)
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            // A run of spaces inside a line is kept ("Police: PC Smith  01632 960999").
            if word.isEmpty {
                if lineHasWord { line += " "; lineWidth += 1 }
                continue
            }
            var word = Substring(word)
            while !word.isEmpty {
                let wordWidth = self.width(String(word))
                let room = width - lineWidth - (lineHasWord ? 1 : 0)
                if wordWidth <= room {
                    line += (lineHasWord ? " " : "") + word
                    lineWidth += wordWidth + (lineHasWord ? 1 : 0)
                    lineHasWord = true
                    word = ""
                } else if lineHasWord {
                    lines.append(line)
                    line = rest; lineWidth = self.width(rest); lineHasWord = false
                } else {
                    // Longer than a whole line: split it.
                    var head = "", headWidth = 0
                    for character in word {
                        let w = self.width(String(character))
                        if headWidth + w > max(1, room) && !head.isEmpty { break }
                        head.append(character); headWidth += w
                    }
                    line += head
                    lines.append(line)
                    word = word.dropFirst(head.count)
                    line = rest; lineWidth = self.width(rest); lineHasWord = false
                }
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
    }
}
