import TerminalUI

/// The one table screen every list of records uses (people, roles, guests, users, policy
/// documents, contacts, who has not signed, term dates, reviews): a heading, a table with the
/// `/` filter, and the actions on its rows, typically Enter (open), F7 (add), F4 (edit) and
/// F8 (remove). Each list is a configuration of this screen, not a copy of it.
@MainActor
final class ListScreen<Row>: Screen {
    /// One of the screen's actions and what it does with the selected row (nil when no row is
    /// shown; most entries then do nothing).
    struct Entry {
        var action: Action
        var run: @MainActor (Row?) -> ScreenResponse

        /// An action on the selected row, doing nothing when no row is shown.
        static func onRow(_ action: Action, _ run: @escaping @MainActor (Row) -> ScreenResponse) -> Entry {
            Entry(action: action) { row in row.map(run) ?? .handled }
        }

        /// An action that needs no row (add, open another screen).
        static func always(_ action: Action, _ run: @escaping @MainActor () -> ScreenResponse) -> Entry {
            Entry(action: action) { _ in run() }
        }
    }

    /// A line above the table: its text and style.
    typealias Heading = @MainActor (_ rows: [Row]) -> [(text: String, style: Style)]

    let title: String
    private let help: @MainActor () -> String
    let table: TableView<Row>
    private let load: @MainActor () -> [Row]
    private let entries: @MainActor () -> [Entry]
    private let heading: Heading
    /// The columns for a width, when they change with it (more columns on a wide terminal).
    var columnsForWidth: (@MainActor (Int) -> [TableColumn])?
    /// Lines the heading may wrap to (the first line's text only).
    var headingRows = 1
    /// What Enter on a row does when no action is bound to Enter (say why it does nothing).
    var unboundEnter: @MainActor () -> ScreenResponse = { .handled }

    init(title: String, help: @escaping @MainActor () -> String, columns: [TableColumn], rows: @escaping @MainActor () -> [Row],
         cells: @escaping (Row) -> [String], emptyText: String? = nil,
         heading: @escaping Heading, entries: @escaping @MainActor () -> [Entry]) {
        self.title = title
        self.help = help
        self.load = rows
        self.entries = entries
        self.heading = heading
        table = TableView(columns: columns, rows: rows(), cells: cells)
        if let emptyText { table.emptyText = emptyText }
    }

    /// A list whose columns each say what their cell shows (the usual case). Where the cells of
    /// a row share work, or the columns change with the width, give `columns` and `cells` apart.
    convenience init(title: String, help: @escaping @MainActor () -> String, columns: [ListColumn<Row>], rows: @escaping @MainActor () -> [Row],
                     emptyText: String? = nil, heading: @escaping Heading, entries: @escaping @MainActor () -> [Entry]) {
        self.init(title: title, help: help, columns: columns.map(\.column), rows: rows, cells: { row in columns.map { $0.cell(row) } },
                  emptyText: emptyText, heading: heading, entries: entries)
    }

    var helpText: String { help() }

    var actions: ActionTable { ActionTable(entries().map(\.action), widget: table) }

    /// Reads the rows again (after a change made here, or on coming back).
    func reload() { table.rows = load() }

    func willAppear() { reload() }

    func draw(into canvas: inout Canvas, rect: Rect) {
        if let columnsForWidth {
            let columns = columnsForWidth(rect.width)
            if table.columns.count != columns.count { table.columns = columns }
        }
        var top = 0
        for (index, line) in heading(table.rows).enumerated() {
            if index == 0 && headingRows > 1 {
                top += canvas.writeWrapped(line.text, in: rect.inset(left: 1, right: 1).top(headingRows), style: line.style)
            } else {
                canvas.write(line.text, at: Point(x: rect.x + 1, y: rect.y + top), style: line.style, clip: rect)
                top += 1
            }
        }
        table.draw(into: &canvas, rect: rect.inset(top: top, left: 1, right: 1), focused: true)
    }

    /// Typed filter text, and keys no action binds (Enter on a list without an Enter action).
    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { activate() } }

    func perform(_ action: ActionID) -> ScreenResponse {
        if let entry = entries().first(where: { $0.action.id == action }) { return entry.run(table.selectedItem) }
        return table.perform(action).screenResponse { activate() }
    }

    /// Enter on a row (or a filter kept with one match): the entry Enter is bound to, if any.
    private func activate() -> ScreenResponse {
        entries().first { $0.action.keys.contains(.enter) }?.run(table.selectedItem) ?? unboundEnter()
    }
}
