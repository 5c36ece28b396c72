import ESafetyCore
import TerminalUI

/// Every role in the directory with who holds it; Enter opens a role.
@MainActor
final class RolesScreen: Screen {
    private let context: AppContext
    private let table: TableView<Role>

    init(context: AppContext) {
        self.context = context
        let workspace = context.workspace
        table = TableView(
            columns: [
                TableColumn(title: "Role", width: .flexible(min: 24)),
                TableColumn(title: "Held by", width: .flexible(min: 20)),
            ],
            rows: workspace.directory.roles,
            cells: { role in
                let holders = workspace.directory.holders(of: role.id)
                return [role.name, holders.isEmpty ? "— nobody yet" : holders.map(\.fullName).joined(separator: ", ")]
            })
    }

    let title = "Roles"
    var helpText: String { context.help("roles") }

    private var access: EditAccess { .directory(context) }

    var actions: ActionTable {
        ActionTable([CommonActions.open] + access.offering([CommonActions.add, CommonActions.edit, CommonActions.remove]) + [CommonActions.filter])
    }

    func willAppear() { table.rows = context.workspace.directory.roles }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let unfilled = context.workspace.directory.roles.filter { context.workspace.directory.holders(of: $0.id).isEmpty }.count
        let note = unfilled == 0 ? "Every role has a holder" : "\(unfilled) of \(context.workspace.directory.roles.count) roles have nobody yet"
        canvas.write(access.notice ?? note, at: Point(x: rect.x + 1, y: rect.y), style: unfilled == 0 && access.mayEdit ? .dim : .warning, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { perform("open") }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case "open":
            guard let role = table.selectedItem else { return .handled }
            return .push(RoleScreen(context: context, roleID: role.id))
        case "add":
            return .push(RoleForm.screen(context: context, role: nil))
        case "edit":
            guard let role = table.selectedItem else { return .handled }
            return .push(RoleForm.screen(context: context, role: role))
        case "remove":
            guard let role = table.selectedItem else { return .handled }
            if RoleDirectory.protectedRoleIDs.contains(role.id) {
                return .message(DirectoryError.protectedRole(role.name).description, .warning)
            }
            return .confirm(Confirmation(title: "Remove role?", message: "Remove the role \(role.name)? Its holders stay in the directory.", confirmLabel: "Remove", cancelLabel: "Keep") { [context, table] in
                switch context.attempt({ try context.workspace.removeRole(role.id) }) {
                case .success:
                    table.rows = context.workspace.directory.roles
                    return .message("Removed the role \(role.name).", .success)
                case .failure(let failure): return failure.response
                }
            })
        default:
            return .unhandled
        }
    }
}
