import ESafetyCore
import TerminalUI

/// Settings › Users (administrators): who may sign in, their level from their roles, and
/// whether they hold the key to incident records.
@MainActor
final class UsersScreen: Screen {
    private let context: AppContext
    private let table: TableView<UserAccount>

    init(context: AppContext) {
        self.context = context
        let workspace = context.workspace
        table = TableView(
            columns: [
                TableColumn(title: "Name", width: .flexible(min: 20)),
                TableColumn(title: "Level", width: .flexible(min: 14)),
                TableColumn(title: "Records key", width: .fixed(11)),
                TableColumn(title: "Admin", width: .fixed(5)),
            ],
            rows: (try? workspace.accounts().users) ?? [],
            cells: { account in
                [workspace.directory.person(account.personID)?.fullName ?? account.personID,
                 AccessLevel.level(of: account.personID, in: workspace.directory).label,
                 account.recordsGrant == nil ? "—" : "yes", account.isAdministrator ? "yes" : ""]
            })
    }

    let title = "Users"
    var helpText: String { context.help("users") }
    var actions: ActionTable { ActionTable([CommonActions.add, CommonActions.remove]) }

    func willAppear() { table.rows = (try? context.workspace.accounts().users) ?? [] }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Levels come from roles in the role directory; F7 gives a person an account", at: Point(x: rect.x + 1, y: rect.y), style: .dim, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { .handled } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard let session = context.workspace.session, session.can(.manageUsers) else {
            return .message(AccessError.notAllowed(.manageUsers, context.workspace.session?.level ?? .staff).description, .error)
        }
        switch action {
        case "add":
            let accounts = (try? context.workspace.accounts().users.map(\.personID)) ?? []
            let people = context.workspace.directory.peopleByName.filter { !accounts.contains($0.id) }
            return .push(PickerScreen(title: "Give an account to", helpText: context.help("pick-person"), items: people, row: { $0.fullName }) { [context] person in
                .push(Self.addForm(context: context, person: person, session: session))
            })
        case "remove":
            guard let account = table.selectedItem else { return .handled }
            guard account.personID != session.personID else { return .message("You cannot remove your own account.", .warning) }
            let name = context.workspace.directory.person(account.personID)?.fullName ?? account.personID
            return .confirm(Confirmation(title: "Remove account?", message: "\(name) will no longer be able to sign in.", confirmLabel: "Remove", cancelLabel: "Keep") { [context, table] in
                do {
                    try context.workspace.accounts().removeUser(personID: account.personID, by: session)
                    table.rows = (try? context.workspace.accounts().users) ?? []
                    return .message("Removed the account of \(name).", .success)
                } catch { return .message(String(describing: error), .error) }
            })
        default:
            return .unhandled
        }
    }

    private static func addForm(context: AppContext, person: Person, session: Session) -> FormScreen {
        let passphrase = PassphraseFields()
        let admin = ChoiceField(options: [(label: "No", value: false), (label: "Yes", value: true)], selection: false)
        let form = Form(fields: passphrase.fields(help: "Tell them in person; they can change it in Settings") + [
            Form.Field(label: "Administrator", widget: admin, help: "Administrators manage users and settings"),
        ])
        return FormScreen(title: "Account for \(person.fullName)", helpText: context.help("users"), form: form) {
            try context.workspace.accounts().addUser(personID: person.id, passphrase: try passphrase.checked(), isAdministrator: admin.selection ?? false, by: session)
            return .message("\(person.fullName) can now sign in.", .success)
        }
    }
}

/// Settings › Change my passphrase.
@MainActor
enum ChangePassphraseForm {
    static func screen(context: AppContext) -> ScreenResponse {
        guard let session = context.workspace.session else { return .message(AccessError.notSignedIn.description, .error) }
        let passphrase = PassphraseFields()
        let form = Form(fields: passphrase.fields(label: "New passphrase"))
        return .push(FormScreen(title: "Change my passphrase", helpText: context.help("users"), form: form) {
            try context.workspace.accounts().changePassphrase(for: session, to: try passphrase.checked())
            return .message("Your passphrase is changed.", .success)
        })
    }
}
