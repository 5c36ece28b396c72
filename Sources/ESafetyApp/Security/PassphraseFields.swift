import ESafetyCore
import TerminalUI

/// A new passphrase typed twice, hidden, for the set-up, recovery and user forms.
@MainActor
struct PassphraseFields {
    let first = TextField(maxLength: 200)
    let second = TextField(maxLength: 200)

    init() {
        first.isSecret = true
        second.isSecret = true
    }

    /// The two form fields, the first with its label.
    func fields(label: String = "Passphrase",
                help: String = "At least \(PassphraseKey.minimumLength) characters: a few words are easier to remember than a password") -> [Form.Field] {
        [Form.Field(label: label, widget: first, required: true, help: help),
         Form.Field(label: "Again", widget: second, required: true)]
    }

    /// The passphrase, once both are the same and long enough.
    func checked() throws -> String {
        guard first.text == second.text else { throw AccessError.passphrasesDiffer }
        guard first.text.count >= PassphraseKey.minimumLength else { throw AccessError.passphraseTooShort(minimum: PassphraseKey.minimumLength) }
        return first.text
    }
}
