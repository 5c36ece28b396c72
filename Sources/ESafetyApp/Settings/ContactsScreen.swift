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
    var actions: ActionTable { ActionTable([Action("edit", keys: [.enter, .function(4), .character("e")], label: "Edit", help: "Edit the selected contact", inBar: true)]) }

    func willAppear() { table.rows = context.workspace.profile.externalContacts }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let unconfirmed = context.workspace.profile.externalContacts.filter { !$0.confirmed }.count
        canvas.write(unconfirmed == 0 ? "All contacts checked" : "\(unconfirmed) contacts still to confirm", at: Point(x: rect.x + 1, y: rect.y),
                     style: unconfirmed == 0 ? .dim : .warning, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { perform("edit") }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "edit", let contact = table.selectedItem else { return .unhandled }
        guard context.workspace.can(.editSettings) else {
            return .message("Read-only: only an administrator may change the external contacts.", .info)
        }
        return .push(ContactForm.screen(context: context, contact: contact))
    }
}
