import ESafetyCore
import TerminalUI

/// Add a role or edit one: its name, what it is for, and its responsibilities one per line.
@MainActor
enum RoleForm {
    static func screen(context: AppContext, role: Role?) -> FormScreen {
        let name = TextField(text: role?.name ?? "", maxLength: 120)
        let summary = TextArea(text: role?.summary ?? "")
        let responsibilities = TextArea(text: role?.responsibilities.joined(separator: "\n") ?? "")
        let form = Form(fields: [
            Form.Field(label: "Role name", widget: name, required: true),
            Form.Field(label: "What it is for", widget: summary),
            Form.Field(label: "Responsibilities", widget: responsibilities, help: "One per line"),
        ])
        let base = EditBase(role, document: DocumentName.directory, context: context) { [id = role?.id] in
            id.flatMap { context.workspace.directory.role($0) }
        }
        return FormScreen(title: role.map { "Edit \($0.name)" } ?? "New role", helpText: context.help("role-form"), form: form,
                          staleNotice: base.staleNotice) {
            let lines = responsibilities.text.split(separator: "\n").map(String.init)
            if var role {
                role.name = name.text
                role.summary = summary.text
                role.responsibilities = lines
                try base.save { try context.workspace.updateRole(role, basedOn: $0) }
                return .message("Saved the role \(role.name).", .success)
            }
            let added = try context.workspace.addRole(name: name.text, summary: summary.text, responsibilities: lines)
            return .message("Saved the role \(added.name).", .success)
        }
    }
}
