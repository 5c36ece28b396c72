import ESafetyCore
import TerminalUI

/// Settings › Users (administrators): who may sign in, the access the signed authority gives
/// them, and whether they hold the key to incident records. Every change here is a statement
/// signed by the administrator's key (docs/security.md).
@MainActor
enum UsersScreen {
    static func rows(_ workspace: Workspace) -> [UserAccount] { (try? workspace.accounts().signInAccounts) ?? [] }

    static func screen(context: AppContext) -> ListScreen<UserAccount> {
        let workspace = context.workspace
        weak var screen: ListScreen<UserAccount>?
        /// Every change needs an administrator's session; anyone else is told why not.
        func administering(_ change: @escaping @MainActor (Session) -> ScreenResponse) -> @MainActor () -> ScreenResponse {
            {
                guard let session = workspace.session, session.can(.manageUsers) else {
                    return .message(AccessError.notAllowed(.manageUsers, workspace.session?.level ?? .staff).description, .error)
                }
                return change(session)
            }
        }
        let list = ListScreen<UserAccount>(
            title: "Users", help: { context.help("users") },
            columns: [
                TableColumn(title: "Name", width: .flexible(min: 20)),
                TableColumn(title: "Access (signed)", width: .flexible(min: 16)),
                TableColumn(title: "Records key", width: .fixed(11)),
                TableColumn(title: "Admin", width: .fixed(5)),
            ],
            rows: { rows(workspace) },
            cells: { account in
                let accounts = try? workspace.accounts()
                let granted = accounts?.authorityAccount(account.personID)
                let access = granted.map { $0.access.isEmpty ? "staff" : $0.access.map(\.label).joined(separator: ", ") } ?? "—"
                let holds = account.recordsGrant != nil && account.recordsGeneration == accounts?.authority?.current.recordsKey.generation
                return [workspace.directory.person(account.personID)?.fullName ?? granted?.name ?? account.personID, access,
                        holds ? "yes" : "—", granted?.administrator == true ? "yes" : ""]
            },
            heading: { _ in [("F7 gives a person an account; F4 changes their access (your key signs it)", .dim)] },
            entries: {
                let selected = { screen?.table.selectedItem }
                return [
                    .always(CommonActions.add, administering { session in
                        let accounts = (try? workspace.accounts().users.map(\.personID)) ?? []
                        let people = workspace.directory.peopleByName.filter { !accounts.contains($0.id) }
                        return .push(PickerScreen(title: "Give an account to", helpText: context.help("pick-person"), items: people, row: { $0.fullName }) { person in
                            .push(addForm(context: context, person: person, session: session))
                        })
                    }),
                    .always(CommonActions.edit, administering { session in
                        guard let account = selected() else { return .handled }
                        return .push(accessForm(context: context, personID: account.personID, session: session))
                    }),
                    .always(CommonActions.remove, administering { session in
                        guard let account = selected() else { return .handled }
                        return removal(of: account, context: context, session: session) { screen?.reload() }
                    }),
                ]
            })
        screen = list
        return list
    }

    private static func removal(of account: UserAccount, context: AppContext, session: Session, reload: @escaping @MainActor () -> Void) -> ScreenResponse {
        guard account.personID != session.personID else { return .message("You cannot remove your own account.", .warning) }
        let name = context.workspace.directory.person(account.personID)?.fullName ?? account.personID
        return .confirm(Confirmation(title: "Remove account?", message: "\(name) will no longer be able to sign in.", confirmLabel: "Remove", cancelLabel: "Keep") {
            do {
                try context.workspace.removeUser(personID: account.personID, progress: rotationProgress(context))
                reload()
                return .message("Removed the account of \(name)\(rotationNote(context)).", .success)
            } catch { return .message(String(describing: error), .error) }
        })
    }

    /// Shows "Sealing every incident again" as a rotation goes (see Workspace+Rotation.swift).
    static func rotationProgress(_ context: AppContext) -> (Int, Int) -> Void {
        { [context] done, total in
            MainActor.assumeIsolated { context.progress?("Sealing every incident to a new records key", done, total) }
        }
    }

    /// What a change of access did to the records key, for its message.
    static func rotationNote(_ context: AppContext) -> String {
        guard let accounts = try? context.workspace.accounts() else { return "" }
        return accounts.rotationIsDue
            ? "; the records key will be changed when a lead next signs in (yours does not open incidents)"
            : ""
    }

    private static func accessOptions() -> [(label: String, value: AccessRole)] {
        AccessRole.allCases.map { (label: $0.label.prefix(1).uppercased() + $0.label.dropFirst(), value: $0) }
    }

    private static func addForm(context: AppContext, person: Person, session: Session) -> FormScreen {
        let passphrase = PassphraseFields()
        let admin = ChoiceField(options: [(label: "No", value: false), (label: "Yes", value: true)], selection: false)
        let held = Set(AccessRole.allCases.filter { context.workspace.directory.role($0.roleID)?.holderIDs.contains(person.id) ?? false })
        let access = CheckListField(options: accessOptions(), selection: held)
        let form = Form(fields: passphrase.fields(help: "Tell them in person; they can change it in Settings") + [
            Form.Field(label: "Access", widget: access, help: "What their roles let them read; your key signs it"),
            Form.Field(label: "Administrator", widget: admin, help: "Administrators manage users and settings"),
        ])
        return FormScreen(title: "Account for \(person.fullName)", helpText: context.help("users"), form: form) {
            try context.workspace.addUser(personID: person.id, passphrase: try passphrase.checked(), isAdministrator: admin.selection ?? false,
                                          access: access.selectedInOrder)
            return .message("\(person.fullName) can now sign in.", .success)
        }
    }

    private static func accessForm(context: AppContext, personID: String, session: Session) -> FormScreen {
        let granted = (try? context.workspace.accounts())?.authorityAccount(personID)
        let name = context.workspace.directory.person(personID)?.fullName ?? granted?.name ?? personID
        let access = CheckListField(options: accessOptions(), selection: Set(granted?.access ?? []))
        let admin = ChoiceField(options: [(label: "No", value: false), (label: "Yes", value: true)], selection: granted?.administrator ?? false)
        let form = Form(fields: [
            Form.Field(label: "Access", widget: access, help: "Another administrator must give you your own access"),
            Form.Field(label: "Administrator", widget: admin, help: "Administrators manage users and settings"),
        ])
        return FormScreen(title: "Access of \(name)", helpText: context.help("users"), form: form) {
            try context.workspace.setAccess(of: personID, roles: access.selectedInOrder, administrator: admin.selection ?? false,
                                            progress: Self.rotationProgress(context))
            return .message("Changed the access of \(name); the change is signed with your key\(Self.rotationNote(context)).", .success)
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
