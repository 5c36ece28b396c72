import ESafetyCore
import TerminalUI

/// Settings: the school profile, the external contacts, facts about the store, and the sanctions list.
@MainActor
enum SettingsMenu: AreaEntry {
    static func open(context: AppContext) -> ScreenResponse {
        .push(MenuScreen(title: "Settings", helpText: context.help("settings"), entries: [
            .init(title: "School profile", detail: "name, address, local authority, report copies") { .push(ProfileForm.screen(context: context)) },
            .init(title: "External contacts", detail: "police, LADO, advisers and helplines") { .push(ContactsScreen.screen(context: context)) },
            .init(title: "About this store", detail: "where the data is kept and its audit log") { .push(StoreInfoScreen(context: context)) },
            .init(title: "Term dates", detail: "the school's own terms, for due dates such as \"Autumn 2026\"") { .push(TermDatesScreen.screen(context: context)) },
            .init(title: "Users", detail: "who may sign in (administrators)") { .push(UsersScreen.screen(context: context)) },
            .init(title: "E-mail alerts", detail: "tell the leads by e-mail when an incident is recorded") { .push(AlertSettingsForm.screen(context: context)) },
            .init(title: "Change my passphrase", detail: "for the person signed in") { ChangePassphraseForm.screen(context: context) },
            .init(title: "Sanctions list", detail: "what the flowchart's \"sanctions list\" means here") { .push(SanctionsListForm.screen(context: context)) },
        ]))
    }
}
