/// A multi-line text editor. Long lines wrap at word boundaries on screen (the text keeps
/// only the newlines the user typed); the view scrolls to keep the cursor in sight.
///
/// Keys: arrows move (↑/↓ by screen row, keeping the column), Home/End or Ctrl-A/Ctrl-E go to
/// the ends of the line, PgUp/PgDn move a page, Enter inserts a newline, Backspace at the start
/// of a line joins it to the one before, Del at the end joins the next. The readline keys of
/// `LineEditing` work on the line the cursor is in (Ctrl-U, Ctrl-K, Ctrl-W, Alt-B, Alt-F). ↑ on the first row and
/// ↓ on the last return `.unhandled` (so a form can move focus), as do Tab, Esc and F-keys.
@MainActor
public final class TextArea: Widget, FormControl {
    /// The logical lines, split at the newlines typed.
    var lines: [String] { didSet { wrapped = nil } }
    /// The screen rows of `lines` at one width, kept until the text changes: moving the cursor
    /// or paging through a long text (a 100 KB paste) does not wrap it all again at each key.
    private var wrapped: (width: Int, rows: [Row])?
    /// The cursor: a line, and a grapheme position within it.
    public internal(set) var cursorLine = 0
    public internal(set) var cursorColumn = 0
    /// The display column ↑/↓ try to keep.
    var goalColumn: Int?
    private var scrollTop = 0
    private var lastWrapWidth = 40
    private var lastHeight = 4
    /// The rows the area asks a form for.
    public var visibleLines: Int
    /// Shown dimmed while the area is empty.
    public var placeholder: String
    /// An extra check of the text for `validationMessage`; not called when the area is empty.
    public var validator: (@MainActor (String) -> String?)?

    public init(text: String = "", visibleLines: Int = 4, placeholder: String = "") {
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.visibleLines = visibleLines
        self.placeholder = placeholder
        cursorLine = lines.count - 1
        cursorColumn = lines[cursorLine].count
    }

    /// The text, lines joined with "\n". Setting it puts the cursor at the end.
    public var text: String {
        get { lines.joined(separator: "\n") }
        set {
            lines = newValue.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            cursorLine = lines.count - 1
            cursorColumn = lines[cursorLine].count
            goalColumn = nil
        }
    }

    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    public var validationMessage: String? { isEmpty ? nil : validator?(text) }
    public var preferredHeight: Int { max(1, visibleLines) }

    // MARK: Wrapping

    /// A screen row: part of a logical line, as grapheme positions.
    private struct Row { var line: Int; var start: Int; var end: Int; var isLast: Bool }

    /// Splits a line into screen rows no wider than `width`, breaking after a space if it can.
    static func wrap(_ characters: [Character], width: Int) -> [Range<Int>] {
        guard !characters.isEmpty else { return [0..<0] }
        let width = max(1, width)
        var result: [Range<Int>] = []
        var start = 0
        while start < characters.count {
            var used = 0, index = start
            var lastSpace: Int?
            while index < characters.count {
                let w = DisplayWidth.of(characters[index])
                if used + w > width { break }
                used += w
                if characters[index] == " " { lastSpace = index }
                index += 1
            }
            if index >= characters.count { result.append(start..<characters.count); break }
            var end = index
            if let lastSpace, lastSpace >= start { end = lastSpace + 1 }
            if end == start { end = start + 1 }
            result.append(start..<end)
            start = end
        }
        return result
    }

    private func rows(width: Int) -> [Row] {
        if let wrapped, wrapped.width == width { return wrapped.rows }
        let rows = wrapRows(width: width)
        wrapped = (width, rows)
        return rows
    }

    private func wrapRows(width: Int) -> [Row] {
        var rows: [Row] = []
        for (number, line) in lines.enumerated() {
            let parts = Self.wrap(Array(line), width: width)
            for (index, part) in parts.enumerated() {
                rows.append(Row(line: number, start: part.lowerBound, end: part.upperBound, isLast: index == parts.count - 1))
            }
        }
        return rows
    }

    /// The screen row holding the cursor: the last row of its line starting at or before it.
    private func cursorRow(in rows: [Row]) -> Int {
        var found = 0
        for (index, row) in rows.enumerated() where row.line == cursorLine && row.start <= cursorColumn {
            found = index
        }
        return found
    }

    private func displayColumn(in row: Row) -> Int {
        let characters = Array(lines[row.line])
        return characters[row.start..<max(row.start, min(cursorColumn, row.end))].reduce(0) { $0 + DisplayWidth.of($1) }
    }

    // MARK: Keys

    /// Typed text comes here, and the moving and editing keys (the readline keys are listed in
    /// help by `LineEditing`).
    public var actions: ActionTable { ActionTable([TextActions.typing] + WidgetKeyActions.areaEditing) }

    public func handle(key: Key) -> WidgetResponse {
        switch LineEditing.edit(for: key, line: Array(lines[cursorLine]), cursor: cursorColumn) {
        case .move(let column)?:
            cursorColumn = column
            goalColumn = nil
            return .handled
        case .delete(let range)?:
            goalColumn = nil
            guard !range.isEmpty else { return .handled }
            var characters = Array(lines[cursorLine])
            characters.removeSubrange(range)
            lines[cursorLine] = String(characters)
            cursorColumn = range.lowerBound
            return .changed
        case nil:
            break
        }
        switch key {
        case .up, .down, .pageUp, .pageDown:
            return moveVertically(key)
        case .left:
            if cursorColumn > 0 { cursorColumn -= 1 } else if cursorLine > 0 { cursorLine -= 1; cursorColumn = lines[cursorLine].count }
        case .right:
            if cursorColumn < lines[cursorLine].count { cursorColumn += 1 } else if cursorLine < lines.count - 1 { cursorLine += 1; cursorColumn = 0 }
        case .enter:
            let characters = Array(lines[cursorLine])
            lines[cursorLine] = String(characters[..<cursorColumn])
            lines.insert(String(characters[cursorColumn...]), at: cursorLine + 1)
            cursorLine += 1; cursorColumn = 0
            goalColumn = nil
            return .changed
        case .backspace:
            goalColumn = nil
            if cursorColumn > 0 {
                var characters = Array(lines[cursorLine])
                characters.remove(at: cursorColumn - 1)
                lines[cursorLine] = String(characters)
                cursorColumn -= 1
                return .changed
            }
            guard cursorLine > 0 else { return .handled }
            let previous = lines[cursorLine - 1]
            cursorColumn = previous.count
            lines[cursorLine - 1] = previous + lines.remove(at: cursorLine)
            cursorLine -= 1
            return .changed
        case .delete, .control("d"):
            goalColumn = nil
            if cursorColumn < lines[cursorLine].count {
                var characters = Array(lines[cursorLine])
                characters.remove(at: cursorColumn)
                lines[cursorLine] = String(characters)
                return .changed
            }
            guard cursorLine < lines.count - 1 else { return .handled }
            lines[cursorLine] += lines.remove(at: cursorLine + 1)
            return .changed
        case .character(let character):
            guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return .unhandled }
            if character.isNewline { return handle(key: .enter) }
            let characters = Array(lines[cursorLine])
            let head = String(characters[..<cursorColumn]) + String(character)
            lines[cursorLine] = head + String(characters[cursorColumn...])
            cursorColumn = min(head.count, lines[cursorLine].count)
            goalColumn = nil
            return .changed
        default:
            return .unhandled
        }
        goalColumn = nil
        return .handled
    }

    private func moveVertically(_ key: Key) -> WidgetResponse {
        let rows = rows(width: lastWrapWidth)
        let current = cursorRow(in: rows)
        let goal = goalColumn ?? displayColumn(in: rows[current])
        let target: Int
        switch key {
        case .up: target = current - 1
        case .down: target = current + 1
        case .pageUp: target = max(0, current - max(1, lastHeight - 1))
        default: target = min(rows.count - 1, current + max(1, lastHeight - 1))
        }
        guard target >= 0, target < rows.count else { return .unhandled }
        let row = rows[target]
        let characters = Array(lines[row.line])
        var column = row.start, used = 0
        while column < row.end {
            let w = DisplayWidth.of(characters[column])
            if used + w > goal { break }
            used += w; column += 1
        }
        // A cursor at the end of a wrapped row would show on the next row: stay on this one.
        if !row.isLast && column == row.end && column > row.start { column -= 1 }
        cursorLine = row.line
        cursorColumn = column
        goalColumn = goal
        return .handled
    }

    // MARK: Drawing

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style: Style = focused ? .fieldFocused : .field
        canvas.fill(rect, style: style)
        // The last column is kept for the cursor at the end of a full row, and the scroll bar.
        lastWrapWidth = max(1, rect.width - 1)
        lastHeight = rect.height
        let rows = rows(width: lastWrapWidth)
        let current = cursorRow(in: rows)
        scrollTop = ScrollPosition.keep(current, visible: rect.height, total: rows.count, from: scrollTop)
        if isEmpty {
            canvas.write(placeholder, at: Point(x: rect.x, y: rect.y), style: .dim, clip: rect)
        }
        var cached: (line: Int, characters: [Character]) = (-1, [])
        for index in scrollTop..<min(rows.count, scrollTop + rect.height) where !isEmpty {
            let row = rows[index]
            if cached.line != row.line { cached = (row.line, Array(lines[row.line])) }
            canvas.write(String(cached.characters[row.start..<row.end]), at: Point(x: rect.x, y: rect.y + index - scrollTop),
                         style: style, clip: rect.inset(right: 1))
        }
        ScrollIndicator.draw(into: &canvas, column: Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height),
                             total: rows.count, shown: rect.height, offset: scrollTop)
        if focused {
            canvas.cursor = Point(x: rect.x + min(displayColumn(in: rows[current]), rect.width - 1), y: rect.y + current - scrollTop)
        }
    }
}

extension TextArea: PasteReceiving {
    /// The whole paste in one insertion at the cursor, newlines kept, cursor after it.
    public func insert(pasted text: String) -> PasteResult {
        let cleaned = PastedText.cleaned(text, keepingNewlines: true)
        guard !cleaned.isEmpty else { return PasteResult(.handled) }
        let characters = Array(lines[cursorLine])
        let head = String(characters[..<cursorColumn]), tail = String(characters[cursorColumn...])
        var pasted = cleaned.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastCount = pasted[pasted.count - 1].count
        pasted[0] = head + pasted[0]
        pasted[pasted.count - 1] += tail
        lines.replaceSubrange(cursorLine...cursorLine, with: pasted)
        cursorLine += pasted.count - 1
        cursorColumn = pasted.count == 1 ? head.count + lastCount : lastCount
        goalColumn = nil
        return PasteResult(.changed)
    }
}
