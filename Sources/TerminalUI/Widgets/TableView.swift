/// A table with a heading row, a selected row, scrolling and the same incremental `/` filter
/// as `ListView` (the filter matches the text of every cell of a row). Column widths are in
/// display columns, so wide characters such as 李 take two; the room goes first to the columns
/// whose text needs it, and a cell still too long ends in "…" after a whole word.
@MainActor
public final class TableView<Row>: SelectingRows, Widget {
    /// The columns, left to right.
    public var columns: [TableColumn] {
        didSet { if columns != oldValue { measure() } }
    }
    /// The rows. Setting them keeps the filter and keeps the selection near where it was.
    public var rows: [Row] {
        didSet { reload(previous: oldValue) }
    }
    /// The text of each cell of a row, one per column.
    public let cells: (Row) -> [String]
    /// Blank columns between table columns.
    public var columnSpacing = 2
    /// The line shown when there are no rows at all.
    public var emptyText = "(empty)"
    /// Each column's widest text (its title and the first rows' cells), so the room goes where
    /// it is needed. Worked out when the rows are set, from at most `naturalWidthSample` rows.
    private var naturalWidths: [Int] = []
    /// How many rows are measured for `naturalWidths`, so a table of 100,000 rows stays quick.
    static var naturalWidthSample: Int { 2_000 }

    /// More text of a row that the `/` filter matches besides its cells (nil: only the cells).
    public let searchAlso: ((Row) -> String)?

    public init(columns: [TableColumn], rows: [Row], cells: @escaping (Row) -> [String], searchAlso: ((Row) -> String)? = nil) {
        self.columns = columns
        self.rows = rows
        self.cells = cells
        self.searchAlso = searchAlso
        super.init(keys: rows.map { Self.searchText(cells($0), searchAlso?($0)) })
        measure()
    }

    private func measure() {
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows.prefix(Self.naturalWidthSample) {
            for (index, text) in cells(row).enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(text))
            }
        }
        naturalWidths = widths
    }

    private static func searchText(_ cells: [String], _ also: String?) -> String {
        (cells + (also.map { [$0] } ?? [])).joined(separator: "\u{1F}")
    }

    /// The rows the filter lets through, in order.
    public var filteredRows: [Row] { state.visible.map { rows[$0] } }
    /// The same as `filteredRows`, named as in `ListView`.
    public var filteredItems: [Row] { filteredRows }

    /// The selected row, or nil when no row is shown.
    public var selectedRow: Row? { state.selectedIndex.map { rows[$0] } }
    /// The same as `selectedRow`, named as in `ListView`.
    public var selectedItem: Row? { selectedRow }

    private func reload(previous: [Row]) {
        measure()
        reload(keys: rows.map { Self.searchText(cells($0), searchAlso?($0)) }, previous: previous, current: rows, look: cells)
    }

    /// One line of the table: each cell formatted to its column's width.
    private func line(_ texts: [String], widths: [Int]) -> String {
        var line = ""
        for (index, column) in columns.enumerated() {
            if index > 0 { line += String(repeating: " ", count: columnSpacing) }
            line += column.format(index < texts.count ? texts[index] : "", width: widths[index])
        }
        return line
    }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect)
        let (body, prompt) = state.split(rect)
        let area = body.inset(top: 1)
        state.scrollToSelection(rows: area.height)
        let overflows = state.overflows(rows: area.height)
        let widths = TableColumn.layout(columns, available: body.width - (overflows ? 1 : 0), spacing: columnSpacing,
                                        natural: naturalWidths.count == columns.count ? naturalWidths : nil)
        canvas.writeLine(line(columns.map(\.title), widths: widths), in: body.row(0), style: .heading)
        state.drawRows(into: &canvas, area: area, focused: focused, emptyText: emptyText) { line(cells(rows[$0]), widths: widths) }
        if let prompt { state.drawPrompt(into: &canvas, rect: prompt, focused: focused) }
    }
}
