/// A single choice among labelled options, drawn radio style: `(•) In school  ( ) Outside school`.
///
/// Keys: ←/→ choose the previous/next option, Space chooses the next (wrapping round), ↑/↓
/// choose the previous/next without wrapping (↑ on the first option and ↓ on the last are left
/// to the form, so arrowing through a form still gets past), the digits 1 to 9 choose that
/// option, Del or Backspace clear the choice. Tab and Enter are left to the form. Options too wide for one line are drawn one a row (`isVertical`).
@MainActor
public final class ChoiceField<Value: Hashable>: Widget, FormControl {
    /// The options, in order.
    public let options: [FieldOption<Value>]
    /// The chosen value, or nil when none is chosen yet.
    public var selection: Value?
    /// Draw the options one a row instead of on one line. Chosen in `init` from their width.
    public var isVertical: Bool

    public init(options: [FieldOption<Value>], selection: Value? = nil) {
        self.options = options
        self.selection = selection
        let width = options.reduce(0) { $0 + DisplayWidth.of($1.label) + 6 }
        self.isVertical = width > 56
    }

    /// Options from `(label, value)` pairs.
    public convenience init(options: [(label: String, value: Value)], selection: Value? = nil) {
        self.init(options: options.map { FieldOption($0.label, value: $0.value) }, selection: selection)
    }

    /// The position of the chosen option, or nil.
    public var selectedIndex: Int? { selection.flatMap { value in options.firstIndex { $0.value == value } } }

    public var isEmpty: Bool { selectedIndex == nil }
    public var validationMessage: String? { nil }
    public var preferredHeight: Int { isVertical ? max(1, options.count) : 1 }

    public func preferredHeight(width: Int) -> Int { max(1, (layout(width: width).map(\.y).max() ?? 0) + 1) }

    /// Where each option goes at a width, relative to the top left: options one a row when
    /// vertical, else along a line, wrapping to the next when one would not fit.
    private func layout(width limit: Int) -> [Point] {
        var x = 0, y = 0
        var points: [Point] = []
        for (index, option) in options.enumerated() {
            let width = DisplayWidth.of(option.label) + 4
            if isVertical {
                if index > 0 { y += 1; x = 0 }
            } else if x > 0 && x + width > limit {
                y += 1; x = 0
            }
            points.append(Point(x: x, y: y))
            x += width + 2
        }
        return points
    }

    /// The choosing keys, listed for help; they go by key to `handle(key:)`, so ↑ and ↓ at the
    /// ends still reach the form.
    public var actions: ActionTable { ActionTable(options.isEmpty ? [] : WidgetKeyActions.choice(options: options.count)) }

    public func handle(key: Key) -> WidgetResponse {
        guard !options.isEmpty else { return .unhandled }
        let current = selectedIndex
        var next: Int?
        switch key {
        case .right, .character(" "): next = current.map { ($0 + 1) % options.count } ?? 0
        case .left: next = current.map { ($0 + options.count - 1) % options.count } ?? options.count - 1
        case .down:
            guard (current ?? -1) < options.count - 1 else { return .unhandled }
            next = (current ?? -1) + 1
        case .up:
            guard let current, current > 0 else { return .unhandled }
            next = current - 1
        case .delete, .backspace:
            guard current != nil else { return .handled }
            selection = nil
            return .changed
        case .character(let character):
            guard character.isASCII, let digit = character.wholeNumberValue, (1...min(9, options.count)).contains(digit) else {
                return .unhandled
            }
            next = digit - 1
        default:
            return .unhandled
        }
        guard let next, next != current else { return .handled }
        selection = options[next].value
        return .changed
    }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect)
        let chosen = selectedIndex
        for (index, (option, place)) in zip(options, layout(width: rect.width)).enumerated() {
            let text = (index == chosen ? "(•) " : "( ) ") + option.label
            let point = Point(x: rect.x + place.x, y: rect.y + place.y)
            guard point.y < rect.maxY else { break }
            let isFocus = focused && index == (chosen ?? 0)
            let style: Style = isFocus ? .fieldFocused : (index == chosen ? .emphasis : .normal)
            canvas.write(text, at: point, style: style, clip: rect)
            if isFocus { canvas.cursor = Point(x: point.x + 1, y: point.y) }
        }
    }
}
