import ESafetyCore
import TerminalUI

/// What the leads' statutory list screens (retention, subject access) share: a table loaded only
/// for those who may act on it, refreshed when the screen shows or the state changes, and a top
/// line saying why it is read-only, why it cannot be read, or what the keys do, with the table
/// under it. A subclass says what its actions do, and conforms to `Screen`.
class LeadsTableScreen<Row>: AppScreen {
    let title: String
    let table: TableView<Row>
    private let offered: [Action]
    private let permission: Permission
    private let what: String
    private let hint: String
    private let rows: @MainActor (Workspace) throws -> [Row]
    private var problem: String?

    /// Who may act here: only they see the rows.
    var access: EditAccess { EditAccess(permission, what: what, context: context) }

    /// The table's actions, offered only to those who may act, then the table's own.
    var actions: ActionTable { ActionTable(access.offering(offered), widget: table) }

    /// `what` names the rows in the read-only notice ("records past retention"); `hint` is the
    /// top line for those who may act.
    init(context: AppContext, title: String, table: TableView<Row>, emptyText: String, permission: Permission, what: String, hint: String,
         actions: [Action], rows: @escaping @MainActor (Workspace) throws -> [Row]) {
        self.title = title
        self.table = table
        offered = actions
        self.permission = permission
        self.what = what
        self.hint = hint
        self.rows = rows
        super.init(context: context)
        table.emptyText = emptyText
        reload()
    }

    /// Fills the table when `access` allows, and keeps the error to show if reading failed.
    func reload() {
        guard access.mayEdit else { table.rows = []; problem = nil; return }
        do { table.rows = try rows(context.workspace); problem = nil } catch { table.rows = []; problem = String(describing: error) }
    }

    func willAppear() { reload() }
    func stateDidChange() { reload() }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let (text, style) = access.notice.map { ($0, Style.warning) } ?? problem.map { ($0, Style.error) } ?? (hint, Style.dim)
        let lines = canvas.writeWrapped(text, in: rect.inset(left: 2, right: 2).top(2), style: style)
        table.draw(into: &canvas, rect: rect.inset(top: max(1, lines) + 1, left: 1, right: 1), focused: true)
    }
}
