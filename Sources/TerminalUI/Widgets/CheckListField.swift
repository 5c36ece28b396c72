/// A list of options any number of which can be ticked: `[x] Bullying or harassment`.
///
/// Keys: ↑/↓ move between the options, returning `.unhandled` at the first and last so a form
/// moves to the neighbouring field; Space (or the digits 1 to 9) ticks and unticks; Home/End go
/// to the ends. A label too long for the width wraps under itself, whole. With more rows than
/// there is room for, the list scrolls within its rectangle.
@MainActor
public final class CheckListField<Value: Hashable>: Widget, FormControl {
    /// The options, in order.
    public let options: [FieldOption<Value>]
    /// The ticked values.
    public var selection: Set<Value>
    /// The option the cursor is on.
    public private(set) var highlightedIndex = 0
    /// The most rows the field asks a form for; more options scroll.
    public var maxVisibleRows = 8
    /// Extra words shown dimmed after a ticked option's label, such as who did it and when.
    public var detail: ((Value) -> String)?
    private var scrollTop = 0

    public init(options: [FieldOption<Value>], selection: Set<Value> = []) {
        self.options = options
        self.selection = selection
    }

    /// Options from `(label, value)` pairs.
    public convenience init(options: [(label: String, value: Value)], selection: Set<Value> = []) {
        self.init(options: options.map { FieldOption($0.label, value: $0.value) }, selection: selection)
    }

    /// The ticked values in the order of the options.
    public var selectedInOrder: [Value] { options.map(\.value).filter { selection.contains($0) } }

    public var isEmpty: Bool { !options.contains { selection.contains($0.value) } }
    public var validationMessage: String? { nil }
    public var preferredHeight: Int { max(1, min(options.count, maxVisibleRows)) }

    public func preferredHeight(width: Int) -> Int {
        max(1, min(rows(width: width).count, max(maxVisibleRows, options.count)))
    }

    /// One screen row: part of an option's label (after its box, or indented under it), and the
    /// dim detail of a ticked option, beside the label's last part when it fits, else on rows
    /// of its own under it.
    private struct Row {
        var option: Int
        var text: String
        var first: Bool
        var detail = ""
        var isDetailOnly = false
    }

    /// The screen rows at a width.
    private func rows(width: Int) -> [Row] {
        var rows: [Row] = []
        let room = max(1, width - 4)
        for (index, option) in options.enumerated() {
            let box = selection.contains(option.value) ? "[x] " : "[ ] "
            for (part, line) in TextWrap.wrap(option.label, width: room).enumerated() {
                rows.append(Row(option: index, text: (part == 0 ? box : "    ") + line, first: part == 0))
            }
            guard selection.contains(option.value), let extra = detail?(option.value), !extra.isEmpty else { continue }
            if DisplayWidth.of(rows[rows.count - 1].text) + 2 + DisplayWidth.of(extra) <= width {
                rows[rows.count - 1].detail = "  " + extra
            } else {
                for line in TextWrap.wrap(extra, width: room) {
                    rows.append(Row(option: index, text: "    ", first: false, detail: line, isDetailOnly: true))
                }
            }
        }
        return rows
    }

    /// Moves the cursor to an option, clamped.
    public func highlight(_ index: Int) { highlightedIndex = max(0, min(options.count - 1, index)) }

    /// The moving and ticking keys, listed for help; they go by key to `handle(key:)`, so ↑ and
    /// ↓ at the ends still reach the form.
    public var actions: ActionTable { ActionTable(options.isEmpty ? [] : WidgetKeyActions.checkList(options: options.count)) }

    public func handle(key: Key) -> WidgetResponse {
        guard !options.isEmpty else { return .unhandled }
        switch key {
        case .up:
            guard highlightedIndex > 0 else { return .unhandled }
            highlightedIndex -= 1
        case .down:
            guard highlightedIndex < options.count - 1 else { return .unhandled }
            highlightedIndex += 1
        case .home: highlightedIndex = 0
        case .end: highlightedIndex = options.count - 1
        case .character(" "):
            toggle(highlightedIndex)
            return .changed
        case .character(let character):
            guard character.isASCII, let digit = character.wholeNumberValue, (1...min(9, options.count)).contains(digit) else {
                return .unhandled
            }
            highlightedIndex = digit - 1
            toggle(highlightedIndex)
            return .changed
        default:
            return .unhandled
        }
        return .handled
    }

    private func toggle(_ index: Int) {
        let value = options[index].value
        if selection.contains(value) { selection.remove(value) } else { selection.insert(value) }
    }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect)
        var all = rows(width: rect.width)
        let overflows = all.count > rect.height
        if overflows { all = rows(width: rect.width - 1) }
        let area = overflows ? rect.inset(right: 1) : rect
        // Keep the highlighted option's first and last rows in view.
        let first = all.firstIndex { $0.option == highlightedIndex } ?? 0
        let last = all.lastIndex { $0.option == highlightedIndex } ?? first
        scrollTop = ScrollPosition.keep(last, visible: rect.height, total: all.count, from: scrollTop)
        scrollTop = min(scrollTop, first)
        for row in 0..<min(rect.height, all.count - scrollTop) {
            let entry = all[scrollTop + row]
            let isFocus = focused && entry.option == highlightedIndex
            let used = entry.isDetailOnly ? DisplayWidth.of(entry.text)
                : canvas.write(entry.text, at: Point(x: area.x, y: area.y + row), style: isFocus ? .fieldFocused : .normal, clip: area)
            if !entry.detail.isEmpty {
                canvas.write(entry.detail, at: Point(x: area.x + used, y: area.y + row), style: .dim, clip: area)
            }
            if isFocus && entry.first { canvas.cursor = Point(x: area.x + 1, y: area.y + row) }
        }
        if overflows {
            ScrollIndicator.draw(into: &canvas, column: Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height),
                                 total: all.count, shown: rect.height, offset: scrollTop)
        }
    }
}
