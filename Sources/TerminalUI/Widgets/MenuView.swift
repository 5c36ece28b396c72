/// A numbered menu, drawn one item a row as `1  Title      detail`.
///
/// Keys: ↑/↓ or `k`/`j` move, Home/End go to the ends, Enter activates the selected item, and
/// the digits 1 to 9 select that item and activate it at once. Disabled items are drawn dimmed
/// and can still be selected and activated; the owner checks `selectedItem.enabled`.
@MainActor
public final class MenuView: Widget {
    /// The items. Setting them keeps the selected position where it can.
    public var items: [MenuItem] {
        didSet { selectedIndex = min(selectedIndex, max(0, items.count - 1)) }
    }
    /// The selected position (0 when the menu is empty).
    public var selectedIndex: Int {
        didSet { selectedIndex = items.isEmpty ? 0 : max(0, min(items.count - 1, selectedIndex)) }
    }
    private var scrollTop = 0

    public init(items: [MenuItem]) {
        self.items = items
        self.selectedIndex = 0
    }

    /// The selected item, or nil when the menu is empty.
    public var selectedItem: MenuItem? { items.isEmpty ? nil : items[selectedIndex] }

    /// Moving and the number keys, listed for help; they go by key to `handle(key:)`.
    public var actions: ActionTable { ActionTable(WidgetKeyActions.menu(items: items.count)) }

    public func handle(key: Key) -> WidgetResponse {
        switch key {
        case .up, .character("k"): selectedIndex -= 1
        case .down, .character("j"): selectedIndex += 1
        case .home: selectedIndex = 0
        case .end: selectedIndex = items.count - 1
        case .enter:
            return items.isEmpty ? .unhandled : .activated
        case .character(let character):
            guard let digit = character.wholeNumberValue, character.isASCII, (1...9).contains(digit),
                  digit <= items.count else { return .unhandled }
            selectedIndex = digit - 1
            return .activated
        default:
            return .unhandled
        }
        return .handled
    }

    /// The gap between the titles' column and the details'.
    static let columnGap = 4

    /// The columns the menu needs to show every row whole (number, title and detail).
    public var naturalWidth: Int {
        (0..<items.count).map { DisplayWidth.of(rowText($0)) }.max() ?? 0
    }

    /// The text of one item's row, without highlighting: number, title and detail in columns.
    public func rowText(_ index: Int) -> String {
        let (head, detailGap) = rowParts(index, width: Int.max)
        let item = items[index]
        return item.detail.isEmpty ? head : head + String(repeating: " ", count: detailGap) + item.detail
    }

    /// The number and title of a row padded to the titles' column, and the gap before the
    /// details' column: narrowed for every row when that lets more details fit in `width`.
    private func rowParts(_ index: Int, width: Int) -> (head: String, gap: Int) {
        let numberWidth = String(items.count).count
        let titleWidth = items.map { DisplayWidth.of($0.title) }.max() ?? 0
        let number = String(index + 1)
        let item = items[index]
        let head = String(repeating: " ", count: numberWidth - number.count) + number + "  "
        if item.detail.isEmpty { return (head + item.title, 0) }
        let padded = head + DisplayWidth.pad(item.title, to: titleWidth)
        let widestDetail = items.map { DisplayWidth.of($0.detail) }.max() ?? 0
        let needed = DisplayWidth.of(padded) + Self.columnGap + widestDetail
        return (padded, needed <= width ? Self.columnGap : 2)
    }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect)
        scrollTop = ScrollPosition.keep(selectedIndex, visible: rect.height, total: items.count, from: scrollTop)
        let overflows = items.count > rect.height
        let textArea = overflows ? rect.inset(right: 1) : rect
        for row in 0..<min(rect.height, items.count - scrollTop) {
            let index = scrollTop + row
            let item = items[index]
            let line = textArea.row(row)
            let isSelected = index == selectedIndex
            let rowStyle: Style = isSelected ? (focused ? .selected : .selectedInactive) : (item.enabled ? .normal : .dim)
            // A detail too wide is shortened by design (whole words and "…"); the title never is.
            let (head, gap) = rowParts(index, width: line.width)
            canvas.fill(line, style: isSelected ? rowStyle : .normal)
            let used = canvas.writeFitted(head, at: line.origin, style: rowStyle, clip: line)
            if !item.detail.isEmpty {
                canvas.writeFitted(item.detail, at: Point(x: line.x + used + gap, y: line.y), style: isSelected ? rowStyle : .dim, clip: line)
            }
            if isSelected && focused { canvas.cursor = line.origin }  // where screen readers look
        }
        if overflows {
            ScrollIndicator.draw(into: &canvas, column: Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height),
                                 total: items.count, shown: rect.height, offset: scrollTop)
        }
    }
}
