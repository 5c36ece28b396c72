/// A single-line text editor.
///
/// The cursor moves by grapheme (←/→, Home/End, Ctrl-A/Ctrl-E), so "ë" counts as one character
/// whether it was typed precomposed or as "e" plus a combining mark; Backspace and Del remove
/// one grapheme; the readline keys of `LineEditing` work (Ctrl-U, Ctrl-K, Ctrl-W, Alt-B,
/// Alt-F). The placeholder is a dim hint drawn apart from the text, never part of it. Text wider than the
/// field scrolls sideways, and the cursor column is counted in display width (李 takes two).
/// Keys it does not use (Tab, Enter, Esc, ↑/↓, function keys) return `.unhandled` for the form.
@MainActor
public final class TextField: Widget, FormControl {
    private var storage: String
    /// The cursor position in graphemes, from 0 (before the first) to `text.count`.
    public private(set) var cursorIndex: Int
    /// The most graphemes the field takes; further typing is refused.
    public var maxLength: Int?
    /// Shown dimmed while the field is empty.
    public var placeholder: String
    /// The widest the field is drawn, in columns; nil to fill the rectangle it is given.
    public var fieldWidth: Int?
    /// An extra check of the text, for `validationMessage`: return a message, or nil if fine.
    /// It is not called for an empty field.
    public var validator: (@MainActor (String) -> String?)?
    /// Shows a `•` for each character instead of the text, for passphrases.
    public var isSecret = false
    /// The first grapheme shown when the text is wider than the field.
    private var scrollStart = 0

    public init(text: String = "", maxLength: Int? = nil, placeholder: String = "") {
        self.storage = text
        self.cursorIndex = text.count
        self.maxLength = maxLength
        self.placeholder = placeholder
    }

    /// The text. Setting it puts the cursor at the end.
    public var text: String {
        get { storage }
        set { storage = newValue; cursorIndex = newValue.count; scrollStart = 0 }
    }

    public var isEmpty: Bool { storage.isEmpty }
    public var validationMessage: String? { storage.isEmpty ? nil : validator?(storage) }
    public var preferredHeight: Int { 1 }

    /// Moves the cursor to a grapheme position, clamped to the text.
    public func moveCursor(to index: Int) { cursorIndex = max(0, min(storage.count, index)) }

    /// Typed text comes here, and the editing keys (the readline keys are listed in help by
    /// `LineEditing`).
    public var actions: ActionTable { ActionTable([TextActions.typing] + WidgetKeyActions.lineEditing) }

    public func handle(key: Key) -> WidgetResponse {
        switch LineEditing.edit(for: key, line: Array(storage), cursor: cursorIndex) {
        case .move(let index)?:
            moveCursor(to: index)
            return .handled
        case .delete(let range)?:
            guard !range.isEmpty else { return .handled }
            replace(range, with: "")
            return .changed
        case nil:
            break
        }
        switch key {
        case .left: moveCursor(to: cursorIndex - 1)
        case .right: moveCursor(to: cursorIndex + 1)
        case .backspace:
            guard cursorIndex > 0 else { return .handled }
            replace(cursorIndex - 1..<cursorIndex, with: "")
            return .changed
        case .delete, .control("d"):
            guard cursorIndex < storage.count else { return .handled }
            replace(cursorIndex..<cursorIndex + 1, with: "")
            return .changed
        case .character(let character):
            guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return .unhandled }
            return insert(String(character)) ? .changed : .handled
        default:
            return .unhandled
        }
        return .handled
    }

    /// Inserts text at the cursor (as if typed). Returns false if `maxLength` refuses it.
    @discardableResult
    public func insert(_ typed: String) -> Bool {
        let start = storage.index(storage.startIndex, offsetBy: cursorIndex)
        let head = String(storage[..<start]) + typed
        let newText = head + String(storage[start...])
        if let maxLength, newText.count > maxLength, newText.count > storage.count { return false }
        let cursor = min(newText.count, head.count)
        storage = newText
        cursorIndex = cursor
        return true
    }

    private func replace(_ range: Range<Int>, with replacement: String) {
        let start = storage.index(storage.startIndex, offsetBy: range.lowerBound)
        let end = storage.index(start, offsetBy: range.count)
        storage.replaceSubrange(start..<end, with: replacement)
        cursorIndex = min(storage.count, range.lowerBound + replacement.count)
    }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let width = min(rect.width, fieldWidth ?? rect.width)
        let field = Rect(x: rect.x, y: rect.y, width: width, height: 1)
        let style: Style = focused ? .fieldFocused : .field
        canvas.fill(field, style: style)
        let characters: [Character] = isSecret ? Array(repeating: "•", count: storage.count) : Array(storage)
        let widths = characters.map { DisplayWidth.of($0) }
        func columns(_ from: Int, _ to: Int) -> Int { from < to ? widths[from..<to].reduce(0, +) : 0 }
        // Keep the cursor, and the cell it sits on, inside the field.
        if cursorIndex < scrollStart { scrollStart = cursorIndex }
        if columns(0, characters.count) < width { scrollStart = 0 }
        let cursorCell = cursorIndex < widths.count ? max(1, widths[cursorIndex]) : 1
        while scrollStart < cursorIndex && columns(scrollStart, cursorIndex) + cursorCell > width { scrollStart += 1 }
        if storage.isEmpty {
            canvas.write(placeholder, at: Point(x: field.x, y: field.y), style: .dim, clip: field)
        } else {
            canvas.write(String(characters[scrollStart...]), at: Point(x: field.x, y: field.y), style: style, clip: field, scrolls: true)
        }
        if focused { canvas.cursor = Point(x: min(field.maxX - 1, field.x + columns(scrollStart, cursorIndex)), y: field.y) }
    }
}
