/// Drawing for terminals without line drawing (`--ascii`, a non-UTF-8 locale, a terminal with no
/// `acsc`): box corners and edges, bars, scroll thumbs, bullets and arrows become plain ASCII,
/// one cell for one cell, so nothing moves.
extension Canvas {
    /// The ASCII stand-in for each drawing character widgets use.
    public static let asciiStandIns: [String: String] = [
        "─": "-", "━": "-", "│": "|", "┃": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "█": "#", "▓": "#", "▒": ":", "░": ".", "■": "#", "□": "o", "▏": "|", "▕": "|",
        "•": "*", "●": "*", "○": "o", "◆": "*", "✓": "v", "✔": "v", "✗": "x",
        "›": ">", "→": ">", "←": "<", "↑": "^", "↓": "v", "…": "~", "·": "-",
    ]

    /// Replaces every drawing character with its ASCII stand-in.
    public mutating func useASCIIStandIns() {
        for y in 0..<size.height {
            for x in 0..<size.width {
                let cell = self[x, y]
                if let standIn = Self.asciiStandIns[cell.text] { self[x, y] = Cell(text: standIn, style: cell.style) }
            }
        }
    }
}
