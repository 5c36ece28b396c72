import ESafetyCore
import TerminalUI

/// The outside services the policies name; Enter edits one. Unchecked details say "to confirm".
@MainActor
final class ContactsScreen: Screen {
    private let context: AppContext
    private let table: TableView<ExternalContact>

    init(context: AppContext) {
        self.context = context
        table = TableView(
            columns: [
                TableColumn(title: "Service", width: .flexible(min: 24)),
                TableColumn(title: "Contact", width: .flexible(min: 24)),
            ],
            rows: context.workspace.profile.externalContacts,
            cells: { [$0.service, $0.contactLine] })
    }

    let title = "External contacts"
    var helpText: String { context.help("contacts") }
    /// Only an administrator changes the contacts; anyone else opens them read-only.
    static func access(_ context: AppContext) -> EditAccess { EditAccess(.editSettings, what: "the external contacts", context: context) }

    var actions: ActionTable {
        let mayEdit = Self.access(context).mayEdit
        return ActionTable([Action("edit", keys: [.enter, .function(4), .character("e")], label: mayEdit ? "Edit" : "Open",
                                   help: mayEdit ? "Edit the selected contact" : "Show the selected contact (read-only)", inBar: true)])
    }

    func willAppear() { table.rows = context.workspace.profile.externalContacts }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let unconfirmed = context.workspace.profile.externalContacts.filter { !$0.confirmed }.count
        let status = unconfirmed == 0 ? "All contacts checked" : "\(unconfirmed) contacts still to confirm"
        let notice = Self.access(context).notice
        canvas.write(notice ?? status, at: Point(x: rect.x + 1, y: rect.y),
                     style: unconfirmed == 0 && notice == nil ? .dim : .warning, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { perform("edit") }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "edit", let contact = table.selectedItem else { return .unhandled }
        return .push(ContactForm.screen(context: context, contact: contact))
    }
}
