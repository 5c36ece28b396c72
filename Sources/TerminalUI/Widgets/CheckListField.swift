/// A list of options any number of which can be ticked: `[x] Bullying or harassment`.
///
/// Keys: ↑/↓ move between the options, returning `.unhandled` at the first and last so a form
/// moves to the neighbouring field; Space (or the digits 1 to 9) ticks and unticks; Home/End go
/// to the ends. With more options than rows the list scrolls within its rectangle.
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

    /// Moves the cursor to an option, clamped.
    public func highlight(_ index: Int) { highlightedIndex = max(0, min(options.count - 1, index)) }

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
        scrollTop = ScrollPosition.keep(highlightedIndex, visible: rect.height, total: options.count, from: scrollTop)
        let overflows = options.count > rect.height
        let area = overflows ? rect.inset(right: 1) : rect
        for row in 0..<min(rect.height, options.count - scrollTop) {
            let index = scrollTop + row
            let option = options[index]
            let text = (selection.contains(option.value) ? "[x] " : "[ ] ") + option.label
            let isFocus = focused && index == highlightedIndex
            let used = canvas.write(text, at: Point(x: area.x, y: area.y + row), style: isFocus ? .fieldFocused : .normal, clip: area)
            if selection.contains(option.value), let extra = detail?(option.value), !extra.isEmpty {
                canvas.write("  " + extra, at: Point(x: area.x + used, y: area.y + row), style: .dim, clip: area)
            }
            if isFocus { canvas.cursor = Point(x: area.x + 1, y: area.y + row) }
        }
        if overflows {
            ScrollIndicator.draw(into: &canvas, column: Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height),
                                 total: options.count, shown: rect.height, offset: scrollTop)
        }
    }
}
