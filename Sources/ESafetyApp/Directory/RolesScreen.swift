import ESafetyCore
import TerminalUI

/// Every role in the directory with who holds it; Enter opens a role.
@MainActor
enum RolesScreen {
    static func screen(context: AppContext) -> ListScreen<Role> {
        let workspace = context.workspace
        let access = { EditAccess.directory(context) }
        weak var screen: ListScreen<Role>?
        let list = ListScreen<Role>(
            title: "Roles", help: { context.help("roles") },
            columns: [
                ListColumn("Role", .flexible(min: 24)) { $0.name },
                ListColumn("Held by", .flexible(min: 20)) { role in
                    let holders = workspace.directory.holders(of: role.id)
                    return holders.isEmpty ? "— nobody yet" : holders.map(\.fullName).joined(separator: ", ")
                },
            ],
            rows: { workspace.directory.roles },
            heading: { roles in
                let unfilled = roles.filter { workspace.directory.holders(of: $0.id).isEmpty }.count
                let note = unfilled == 0 ? "Every role has a holder" : "\(unfilled) of \(roles.count) roles have nobody yet"
                return [(access().notice ?? note, unfilled == 0 && access().mayEdit ? .dim : .warning)]
            },
            entries: {
                [.onRow(CommonActions.open) { .push(RoleScreen(context: context, roleID: $0.id)) }] + access().offering([
                    .always(CommonActions.add) { .push(RoleForm.screen(context: context, role: nil)) },
                    .onRow(CommonActions.edit) { .push(RoleForm.screen(context: context, role: $0)) },
                    .onRow(CommonActions.remove) { role in removal(of: role, context: context) { screen?.reload() } },
                ])
            })
        screen = list
        return list
    }

    private static func removal(of role: Role, context: AppContext, reload: @escaping @MainActor () -> Void) -> ScreenResponse {
        if RoleDirectory.protectedRoleIDs.contains(role.id) {
            return .message(DirectoryError.protectedRole(role.name).description, .warning)
        }
        return .confirm(Confirmation(title: "Remove role?", message: "Remove the role \(role.name)? Its holders stay in the directory.", confirmLabel: "Remove", cancelLabel: "Keep") {
            switch context.attempt({ try context.workspace.removeRole(role.id) }) {
            case .success:
                reload()
                return .message("Removed the role \(role.name).", .success)
            case .failure(let failure): return failure.response
            }
        })
    }
}
