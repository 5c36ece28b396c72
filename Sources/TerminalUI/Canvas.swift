/// One terminal cell: the grapheme shown there and its style. A wide character fills its own
/// cell and leaves the next one as a continuation (`text` empty).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(text: String = " ", style: Style = .normal) { self.text = text; self.style = style }
    public var isContinuation: Bool { text.isEmpty }
}

/// An off-screen grid of cells that widgets draw into. A terminal backend shows it; tests read it
/// back as text. Drawing outside the grid, or past a clip rectangle, is cut, and a cut in the
/// middle of a word is noted in `cutWords`, so a test can fail on text a layout did not fit.
public struct Canvas: Sendable, Equatable {
    public private(set) var size: Size
    private var cells: [Cell]
    /// The cursor position to show, or nil to hide the cursor. Widgets put it on the selected
    /// item or at the insertion point, so screen readers and braille displays follow it.
    public var cursor: Point?
    /// Each text that `write` cut in the middle of a word (at a clip rectangle's edge or the
    /// canvas's), in order. Not part of equality: it says how the cells came to be.
    public private(set) var cutWords: [String] = []

    public static func == (left: Canvas, right: Canvas) -> Bool {
        left.size == right.size && left.cursor == right.cursor && left.cells == right.cells
    }

    /// Adds the cuts noted on another canvas (one a widget drew into and copied from).
    public mutating func noteCuts(of other: Canvas) { cutWords += other.cutWords }

    public init(size: Size) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: max(0, size.width) * max(0, size.height))
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * size.width + x] : Cell() }
        set { if contains(x, y) { cells[y * size.width + x] = newValue } }
    }

    private func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    /// Fills a rectangle with spaces in one style.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        let top = max(0, rect.y), bottom = min(size.height, rect.maxY)
        let left = max(0, rect.x), right = min(size.width, rect.maxX)
        guard top < bottom, left < right else { return }  // wholly off the canvas
        for y in top..<bottom {
            for x in left..<right { self[x, y] = Cell(text: " ", style: style) }
        }
    }

    /// Writes text from a point, clipped to `clip` (the whole canvas by default). Returns the
    /// columns written. Control characters are shown as `?` so they can never move the cursor.
    /// `scrolls` says the text is a window on something longer (a field's value scrolled
    /// sideways), so a cut at the edge is by design and is not noted in `cutWords`.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, style: Style = .normal, clip: Rect? = nil, scrolls: Bool = false) -> Int {
        let limit = clip ?? bounds
        guard point.y >= limit.y, point.y < limit.maxY, point.y >= 0, point.y < size.height else { return 0 }
        let maxX = min(limit.maxX, size.width)
        var x = point.x
        var previous: Character?
        for character in text {
            defer { previous = character }
            var shown = String(character)
            var width = DisplayWidth.of(character)
            if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) { shown = "?"; width = 1 }
            if width == 0 {
                // A lone combining mark joins the previous cell.
                if x > max(limit.x, 0) { self[x - 1, point.y].text += shown }
                continue
            }
            if x + width > maxX {
                if !scrolls, let previous, TextWrap.isWordCharacter(previous), TextWrap.isWordCharacter(character) {
                    cutWords.append(text)
                }
                break
            }
            if x >= limit.x {
                self[x, point.y] = Cell(text: shown, style: style)
                if width == 2 { self[x + 1, point.y] = Cell(text: "", style: style) }
            }
            x += width
        }
        return x - point.x
    }

    /// Writes text padded with the style's background to the full width of a one-row rectangle.
    /// Text too wide is shortened by design: whole words and "…" (`DisplayWidth.truncate`).
    public mutating func writeLine(_ text: String, in rect: Rect, style: Style = .normal) {
        guard rect.height > 0 else { return }
        fill(rect.top(1), style: style)
        write(DisplayWidth.truncate(text, to: min(rect.maxX, size.width) - rect.x), at: Point(x: rect.x, y: rect.y), style: style, clip: rect.top(1))
    }

    /// Writes text shortened by design to the room left in `clip` from `point`: whole words and
    /// "…" when it is too wide, never a word cut at the edge. Returns the columns written.
    @discardableResult
    public mutating func writeFitted(_ text: String, at point: Point, style: Style = .normal, clip: Rect) -> Int {
        let room = min(clip.maxX, size.width) - point.x
        guard room > 0 else { return 0 }
        return write(DisplayWidth.truncate(text, to: room), at: point, style: style, clip: clip)
    }

    /// Writes text wrapped at word boundaries to the width of `rect`, from its top, as many rows
    /// as it needs and `rect` has. Returns the rows written. Widgets use it for a hint or a
    /// notice that must be read whole.
    @discardableResult
    public mutating func writeWrapped(_ text: String, in rect: Rect, style: Style = .normal) -> Int {
        guard !rect.isEmpty else { return 0 }
        let lines = TextWrap.wrap(text, width: rect.width)
        for (row, line) in lines.prefix(rect.height).enumerated() {
            write(line, at: Point(x: rect.x, y: rect.y + row), style: style, clip: rect)
        }
        return min(lines.count, rect.height)
    }

    /// Draws a box border around a rectangle, with an optional title in the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        write("┌" + horizontal + "┐", at: Point(x: rect.x, y: rect.y), style: style)
        write("└" + horizontal + "┘", at: Point(x: rect.x, y: rect.maxY - 1), style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", at: Point(x: rect.x, y: y), style: style)
            write("│", at: Point(x: rect.maxX - 1, y: y), style: style)
        }
        if let title, rect.width > 6 {
            write(" " + DisplayWidth.truncate(title, to: rect.width - 6) + " ", at: Point(x: rect.x + 2, y: rect.y), style: .heading)
        }
    }

    /// The text of one row, with trailing spaces removed.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var text = ""
        for x in 0..<size.width { text += self[x, y].text }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The whole canvas as text, one line per row, trailing spaces removed: what tests compare.
    public var text: String { (0..<size.height).map(line).joined(separator: "\n") }
}
