/// Word wrapping by display width, keeping blank lines between paragraphs.
public enum TextWrap {
    /// True for a character that belongs to a word: cutting between two of these cuts a word.
    public static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "’"
    }

    /// Wraps text to lines no wider than `width` columns; a word longer than a line is split.
    /// A line that fits is kept as it is, spaces and all (a table or a chart laid out in text).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if DisplayWidth.of(String(paragraph)) <= width {
                lines.append(String(paragraph))
                continue
            }
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    lines.append(line); line = ""; lineWidth = 0
                }
                while wordWidth > width {
                    let (head, headWidth) = DisplayWidth.prefix(of: word, fitting: width - lineWidth - (lineWidth > 0 ? 1 : 0))
                    if head.isEmpty { lines.append(line); line = ""; lineWidth = 0; continue }
                    line += (lineWidth > 0 ? " " : "") + head
                    lines.append(line); line = ""; lineWidth = 0
                    word = String(word.dropFirst(head.count)); wordWidth -= headWidth
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word; lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
