/// A scrolling list of items, one row each, with an incremental filter.
///
/// Keys: ↑/↓ or `k`/`j` move, PgUp/PgDn move a page, Home/End go to the ends, Enter activates
/// the selected item. `/` starts a filter: typed characters narrow the list as you type (case-
/// and diacritic-insensitive, so "zoe" finds "Zoë"), Backspace edits, Enter keeps the filter,
/// Esc clears it. While a filter is kept, `n`/`N` go to the next/previous match and Esc clears
/// it; with no filter Esc, `n` and `N` are left to the screen.
@MainActor
public final class ListView<Item>: SelectingRows, Widget {
    /// The items, in the order shown. Setting them keeps the filter, and keeps the selection on
    /// the row with the same text if there is one (else near the same position).
    public var items: [Item] {
        didSet { reload(previous: oldValue) }
    }
    /// The text of an item's row.
    public let render: (Item) -> String
    /// The line shown when there are no items at all.
    public var emptyText = "(empty)"

    /// A list showing each item as the text `row` makes of it.
    public init(items: [Item], row: @escaping (Item) -> String) {
        self.items = items
        self.render = row
        super.init(keys: items.map(row))
    }

    /// The items the filter lets through, in order (all of them with no filter).
    public var filteredItems: [Item] { state.visible.map { items[$0] } }

    /// The selected item, or nil when no row is shown.
    public var selectedItem: Item? { state.selectedIndex.map { items[$0] } }

    private func reload(previous: [Item]) {
        reload(keys: items.map(render), previous: previous, current: items, look: render)
    }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect)
        let (area, prompt) = state.split(rect)
        state.scrollToSelection(rows: area.height)
        state.drawRows(into: &canvas, area: area, focused: focused, emptyText: emptyText) { render(items[$0]) }
        if let prompt { state.drawPrompt(into: &canvas, rect: prompt, focused: focused) }
    }
}
