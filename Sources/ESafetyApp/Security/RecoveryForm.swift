import ESafetyCore
import TerminalUI

/// Recovery with the key shown once at set-up: for a store whose leads have all forgotten
/// their passphrases. The person chosen gets a new passphrase and the key to the records.
@MainActor
enum RecoveryForm {
    static func screen(context: AppContext) -> FormScreen {
        let key = TextField(maxLength: 80, placeholder: "XXXX-XXXX-…")
        let directory = context.workspace.directory
        let options = directory.peopleByName.map { (label: $0.fullName, value: $0.id) }
        let person = ChoiceField(options: options, selection: directory.holders(of: Role.WellKnown.headTeacher).first?.id ?? options.first?.value)
        person.isVertical = true
        let passphrase = PassphraseFields()
        let form = Form(fields: [
            Form.Field(label: "Recovery key", widget: key, required: true, help: "As written down at set-up; dashes and case do not matter"),
            Form.Field(label: "New passphrase for", widget: person, required: true),
        ] + passphrase.fields(label: "New passphrase"))
        return FormScreen(title: "Recovery", helpText: context.help("recovery"), form: form) {
            let chosen = try passphrase.checked()
            guard let personID = person.selection else { return .handled }
            let session = try context.workspace.accounts().recover(recoveryKey: key.text, personID: personID, newPassphrase: chosen)
            let rotation = context.workspace.begin(session, progress: UsersScreen.rotationProgress(context))
            let done = "Recovered: \(session.fullName) has a new passphrase."
            return .sequence([.reset(HomeScreen(context: context)),
                              .message(rotation.map { done + " " + $0 } ?? done, rotation == nil ? .success : .warning)])
        }
    }
}
