import TerminalUI

/// What the leads' statutory list screens (retention, subject access) share: loading their table
/// only for those who may act on it, and a top line saying why it is read-only, why it cannot
/// be read, or what the keys do, with the table under it.
@MainActor
enum LeadsListLayout {
    /// Fills `table` from `rows` when `access` allows; returns the error to show, if reading failed.
    static func load<Row>(_ table: TableView<Row>, access: EditAccess, rows: () throws -> [Row]) -> String? {
        guard access.mayEdit else { table.rows = []; return nil }
        do { table.rows = try rows(); return nil } catch { table.rows = []; return String(describing: error) }
    }

    static func draw<Row>(_ table: TableView<Row>, access: EditAccess, problem: String?, hint: String, into canvas: inout Canvas, rect: Rect) {
        let (text, style) = access.notice.map { ($0, Style.warning) } ?? problem.map { ($0, Style.error) } ?? (hint, Style.dim)
        let rows = canvas.writeWrapped(text, in: rect.inset(left: 2, right: 2).top(2), style: style)
        table.draw(into: &canvas, rect: rect.inset(top: max(1, rows) + 1, left: 1, right: 1), focused: true)
    }
}
