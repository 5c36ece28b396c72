import ESafetyCore
import TerminalUI

/// The outside services the policies name; Enter edits one. Unchecked details say "to confirm".
@MainActor
enum ContactsScreen {
    /// Only an administrator changes the contacts; anyone else opens them read-only.
    static func access(_ context: AppContext) -> EditAccess { EditAccess(.editSettings, what: "the external contacts", context: context) }

    static func screen(context: AppContext) -> ListScreen<ExternalContact> {
        let profile = { context.workspace.profile }
        return ListScreen(
            title: "External contacts", help: { context.help("contacts") },
            columns: [
                ListColumn("Service", .flexible(min: 24)) { $0.service },
                ListColumn("Contact", .flexible(min: 24)) { $0.contactLine },
            ],
            rows: { profile().externalContacts },
            heading: { contacts in
                let unconfirmed = contacts.filter { !$0.confirmed }.count
                let notice = access(context).notice
                return [(notice ?? (unconfirmed == 0 ? "All contacts checked" : "\(unconfirmed) contacts still to confirm"),
                         unconfirmed == 0 && notice == nil ? .dim : .warning)]
            },
            entries: {
                let mayEdit = access(context).mayEdit
                return [.onRow(Action(.edit, keys: [.enter, .function(4), .character("e")], label: mayEdit ? "Edit" : "Open",
                                      help: mayEdit ? "Edit the selected contact" : "Show the selected contact (read-only)", inBar: true)) {
                    .push(ContactForm.screen(context: context, contact: $0))
                }]
            })
    }
}
