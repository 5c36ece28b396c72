import ESafetyCore
import TerminalUI

/// Add a role or edit one: its name, what it is for, and its responsibilities one per line.
@MainActor
final class RoleFormScreen: Screen {
    private let context: AppContext
    private let original: Role?
    private let name: TextField
    private let summary: TextArea
    private let responsibilities: TextArea
    private let form: Form

    init(context: AppContext, role: Role?) {
        self.context = context
        self.original = role
        name = TextField(text: role?.name ?? "", maxLength: 120)
        summary = TextArea(text: role?.summary ?? "")
        responsibilities = TextArea(text: role?.responsibilities.joined(separator: "\n") ?? "")
        form = Form(fields: [
            Form.Field(label: "Role name", widget: name, required: true),
            Form.Field(label: "What it is for", widget: summary),
            Form.Field(label: "Responsibilities", widget: responsibilities, help: "One per line"),
        ])
    }

    var title: String { original.map { "Edit \($0.name)" } ?? "New role" }
    var helpText: String { context.help("role-form") }
    var hasUnsavedChanges: Bool { form.isDirty }
    var actions: ActionTable { ActionTable([CommonActions.save]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Tab moves between fields; F2 saves; Esc cancels", at: Point(x: rect.x + 2, y: rect.y), style: .dim, clip: rect)
        form.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        form.handle(key: key) == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "save" else { return .unhandled }
        guard form.validate() else { return .message("Please correct the fields marked in red.", .error) }
        let lines = responsibilities.text.split(separator: "\n").map(String.init)
        let result = context.attempt { () throws -> String in
            if var role = original {
                role.name = name.text
                role.summary = summary.text
                role.responsibilities = lines
                try context.workspace.updateRole(role)
                return role.name
            }
            return try context.workspace.addRole(name: name.text, summary: summary.text, responsibilities: lines).name
        }
        switch result {
        case .success(let saved):
            form.markClean()
            return .sequence([.popDiscarding, .message("Saved the role \(saved).", .success)])
        case .failure(let failure):
            return failure.response
        }
    }
}
