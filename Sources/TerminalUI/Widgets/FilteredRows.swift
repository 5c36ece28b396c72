/// The selection, scroll position and incremental `/` filter shared by `ListView` and
/// `TableView` (in the manner of htop's IncSet): one implementation, so both behave alike.
///
/// Rows are known only by position and a search text. The search texts are folded once when the
/// rows are set and kept in one contiguous byte buffer, so narrowing 100,000 rows per keystroke
/// is a byte scan; typing a further character only scans the rows that matched before.
struct FilteredRows {
    /// All rows' folded search texts, one after another.
    private var keyBytes: [UInt8] = []
    /// Where each row's search text ends in `keyBytes`; row `i` starts where row `i - 1` ends.
    private var keyEnds: [Int] = []
    /// The folded filter that `visible` was computed for.
    private var appliedNeedle: [UInt8] = []

    /// The positions (in the full row list) of the rows shown, in order.
    private(set) var visible: [Int] = []
    /// The filter typed after `/`; kept after Enter, cleared by Esc.
    private(set) var filterText = ""
    /// True while the user is typing a filter.
    private(set) var isFiltering = false
    /// True when a character was left out because the filter was full (``maximumFilterBytes``).
    private(set) var isFilterFull = false

    /// The longest filter, in UTF-8 bytes. No row's search text is near it, and it keeps each
    /// keystroke's work small: a megabyte typed into the filter by a terminal without bracketed
    /// paste costs a megabyte of refused keys, not a fold and a scan of the whole filter per key.
    static let maximumFilterBytes = 256
    /// The selected position in `visible` (0 when nothing is visible).
    private(set) var selected = 0
    /// The first visible position shown at the top.
    private(set) var scrollTop = 0
    /// Rows shown at the last draw; PgUp and PgDn move by this much.
    var pageSize = 10

    init(keys: [String] = []) { setKeys(keys) }

    /// The number of rows before filtering.
    var totalCount: Int { keyEnds.count }

    /// True when a filter narrows the rows (typed, or kept after Enter).
    var hasFilter: Bool { !filterText.isEmpty }

    /// The position in the full row list of the selected row, or nil when nothing is shown.
    var selectedIndex: Int? { visible.isEmpty ? nil : visible[selected] }

    /// Replaces the rows' search texts, keeping the filter. The selection goes to the row at
    /// `preferredIndex` if it is shown, else to the nearest row after it.
    mutating func setKeys(_ keys: [String], preferredIndex: Int? = nil) {
        keyBytes.removeAll(keepingCapacity: true)
        keyEnds.removeAll(keepingCapacity: true)
        keyEnds.reserveCapacity(keys.count)
        for key in keys {
            keyBytes.append(contentsOf: SearchFolding.fold(key))
            keyEnds.append(keyBytes.count)
        }
        refilter(narrowing: false, keeping: preferredIndex ?? 0)
    }

    /// Selects the row at a position in the full list. Returns false if it is filtered out.
    @discardableResult
    mutating func select(index: Int) -> Bool {
        guard let position = position(of: index), visible[position] == index else { return false }
        selected = position
        return true
    }

    /// Selects a position in `visible`, clamped.
    mutating func select(position: Int) {
        selected = visible.isEmpty ? 0 : max(0, min(visible.count - 1, position))
    }

    /// What the rows can do now: while a filter is typed, take its text, keep, erase or cancel
    /// it; else start one, go between its matches, and move.
    var actions: ActionTable {
        if isFiltering { return ActionTable(RowActions.typing + RowActions.moves(typing: true)) }
        let matches = hasFilter ? [RowActions.nextMatch, RowActions.previousMatch, RowActions.cancel] : []
        return ActionTable([RowActions.filter] + matches + RowActions.moves(typing: false))
    }

    /// Types into the filter, or carries out the action the key is bound to. Keys it does not
    /// use are returned `.unhandled` (Enter on a row: `.activated`).
    mutating func handle(_ key: Key) -> WidgetResponse {
        if let action = actions.action(for: key) {
            guard action.takesText else { return perform(action.id) }
            guard case .character(let character) = key, !character.isNewline else { return .unhandled }
            guard filterText.utf8.count + character.utf8.count <= Self.maximumFilterBytes else {
                isFilterFull = true
                return .handled
            }
            filterText.append(character)
            refilter(narrowing: true, keeping: selectedIndex ?? 0)
            return .handled
        }
        return key == .enter && !isFiltering && selectedIndex != nil ? .activated : .unhandled
    }

    /// Carries out one of `actions`.
    mutating func perform(_ action: ActionID) -> WidgetResponse {
        let page = max(1, pageSize - 1)
        switch action {
        case .filter:
            isFiltering = true
            clearFilter(keepEditing: true)
        case .filterErase:
            if filterText.isEmpty {
                isFiltering = false
            } else {
                filterText.removeLast()
                isFilterFull = false
                refilter(narrowing: false, keeping: selectedIndex ?? 0)
            }
        case .filterRestart: clearFilter(keepEditing: true)
        case .filterKeep:
            // The filter ends; a single match is opened at once, as the user meant.
            isFiltering = false
            return visible.count == 1 ? .activated : .handled
        case .filterCancel: clearFilter(keepEditing: false)
        case .nextMatch: if !visible.isEmpty { selected = (selected + 1) % visible.count }
        case .previousMatch: if !visible.isEmpty { selected = (selected + visible.count - 1) % visible.count }
        case .moveUp: select(position: selected - 1)
        case .moveDown: select(position: selected + 1)
        case .pageUp: select(position: selected - page)
        case .pageDown: select(position: selected + page)
        case .moveFirst: select(position: 0)
        case .moveLast: select(position: visible.count - 1)
        default: return .unhandled
        }
        return .handled
    }

    private mutating func clearFilter(keepEditing: Bool) {
        let wasFiltered = hasFilter
        filterText = ""
        isFilterFull = false
        isFiltering = keepEditing
        if wasFiltered { refilter(narrowing: false, keeping: selectedIndex ?? 0) }
    }

    /// Recomputes `visible` for `filterText`. When `narrowing` and the new filter extends the
    /// last one, only the rows shown now are scanned.
    private mutating func refilter(narrowing: Bool, keeping index: Int) {
        let needle = SearchFolding.fold(filterText)
        if needle.isEmpty {
            visible = Array(0..<keyEnds.count)
        } else {
            let extendsLast = narrowing && !appliedNeedle.isEmpty && needle.starts(with: appliedNeedle)
            var matches: [Int] = []
            keyBytes.withUnsafeBufferPointer { hay in
                keyEnds.withUnsafeBufferPointer { ends in
                    needle.withUnsafeBufferPointer { pattern in
                        func test(_ row: Int) {
                            let start = row == 0 ? 0 : ends[row - 1]
                            if SearchFolding.contains(hay, start: start, end: ends[row], pattern) { matches.append(row) }
                        }
                        if extendsLast {
                            for row in visible { test(row) }
                        } else {
                            for row in 0..<ends.count { test(row) }
                        }
                    }
                }
            }
            visible = matches
        }
        appliedNeedle = needle
        selected = min(position(of: index) ?? 0, max(0, visible.count - 1))
    }

    /// The first position in `visible` whose row is at or after `index` (binary search).
    private func position(of index: Int) -> Int? {
        guard !visible.isEmpty else { return nil }
        var low = 0, high = visible.count
        while low < high {
            let mid = (low + high) / 2
            if visible[mid] < index { low = mid + 1 } else { high = mid }
        }
        return min(low, visible.count - 1)
    }

    // MARK: Drawing

    /// Splits a widget's rectangle into the rows area and, while filtering, the prompt row.
    func split(_ rect: Rect) -> (rows: Rect, prompt: Rect?) {
        guard isFiltering, rect.height >= 2 else { return (rect, nil) }
        return (rect.inset(bottom: 1), rect.bottom(1))
    }

    /// Scrolls so the selected row is among `rows` rows shown, and records the page size.
    mutating func scrollToSelection(rows: Int) {
        pageSize = max(1, rows)
        scrollTop = ScrollPosition.keep(selected, visible: rows, total: visible.count, from: scrollTop)
    }

    /// The line to show when no row is visible: `emptyText`, "No match for 'x'", or that the filter is full.
    func emptyMessage(emptyText: String) -> String {
        guard totalCount > 0, hasFilter else { return emptyText }
        return isFilterFull ? fullNote : "No match for '\(filterText)'"
    }

    /// Said, instead of echoing it, when characters were left out of a full filter.
    private var fullNote: String { "No match: a filter holds at most \(Self.maximumFilterBytes) bytes, and the rest was left out" }

    /// True when the rows do not all fit in `rows` rows (a scroll bar then takes the last column).
    func overflows(rows: Int) -> Bool { visible.count > rows }

    /// Draws the visible rows in `area` (the selected one highlighted) with a scroll bar when
    /// they do not all fit, or the empty message. `text` gives the line of a row by its position
    /// in the full list.
    func drawRows(into canvas: inout Canvas, area: Rect, focused: Bool, emptyText: String, text: (Int) -> String) {
        guard !visible.isEmpty else {
            canvas.write(emptyMessage(emptyText: emptyText), at: Point(x: area.x, y: area.y), style: .dim, clip: area)
            return
        }
        let overflows = overflows(rows: area.height)
        let textArea = overflows ? area.inset(right: 1) : area
        let shown = min(area.height, visible.count - scrollTop)
        for row in 0..<max(0, shown) {
            let position = scrollTop + row
            let style: Style = position == selected ? (focused ? .selected : .selectedInactive) : .normal
            canvas.writeLine(text(visible[position]), in: textArea.row(row), style: style)
            // The terminal's cursor sits on the selected row, for screen readers and braille.
            if focused && position == selected { canvas.cursor = textArea.row(row).origin }
        }
        if overflows {
            ScrollIndicator.draw(into: &canvas, column: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height),
                                 total: visible.count, shown: area.height, offset: scrollTop)
        }
    }

    /// Draws the filter prompt ("/zoe", with the match count at the right) and its cursor.
    func drawPrompt(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        canvas.fill(rect)
        let count = "\(visible.count) of \(totalCount)"
        let countWidth = DisplayWidth.of(count)
        let room = rect.width - countWidth - 2
        var shown = "/" + filterText
        if room > 1, DisplayWidth.of(shown) > room - 1 {
            // Show the end of a long filter, where the typing happens.
            var tail = ""
            for character in shown.reversed() {
                if DisplayWidth.of(tail) + DisplayWidth.of(character) > room - 2 { break }
                tail.insert(character, at: tail.startIndex)
            }
            shown = "…" + tail
        }
        let used = canvas.write(shown, at: Point(x: rect.x, y: rect.y), style: .emphasis, clip: rect)
        if room > 1 {
            canvas.write(count, at: Point(x: rect.maxX - countWidth, y: rect.y), style: .dim, clip: rect)
        }
        if focused { canvas.cursor = Point(x: min(rect.x + used, rect.maxX - 1), y: rect.y) }
    }
}
