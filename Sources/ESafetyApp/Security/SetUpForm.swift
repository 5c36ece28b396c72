import ESafetyCore
import TerminalUI

/// The first run: who you are (you become the first administrator), your role, your
/// passphrase, and who the e-safety lead is. Then the recovery key is shown, once.
@MainActor
enum SetUpForm {
    enum Role: Hashable { case headTeacher, esafetyLead, other }

    static func screen(context: AppContext) -> FormScreen {
        let name = TextField(maxLength: 120, placeholder: "your full name")
        let role = ChoiceField(options: [(label: "Head teacher", value: Role.headTeacher), (label: "E-safety lead", value: Role.esafetyLead),
                                         (label: "Office or IT (administrator only)", value: Role.other)], selection: .headTeacher)
        role.isVertical = true
        let lead = TextField(maxLength: 120, placeholder: "if it is not you")
        let passphrase = PassphraseFields()
        let form = Form(fields: [
            Form.Field(label: "Your full name", widget: name, required: true, help: "You become the first administrator"),
            Form.Field(label: "Your role", widget: role, required: true),
            Form.Field(label: "E-safety lead", widget: lead, help: "The e-safety lead's full name, if it is not you; give them an account later in Settings › Users"),
        ] + passphrase.fields())
        let hint: @MainActor () -> (String, Style) = { ("Welcome to esafety. Set up the first account; F2 finishes.", .heading) }
        return FormScreen(title: "Set up", helpText: context.help("set-up"), form: form, hint: hint) {
            let chosen = try passphrase.checked()
            let workspace = context.workspace
            let existing = workspace.directory.people.first { TextSearch.fold($0.fullName) == TextSearch.fold(name.text) }
            let person = try existing ?? workspace.addPerson(fullName: name.text)
            switch role.selection {
            case .headTeacher?: try? workspace.assign(personID: person.id, to: ESafetyCore.Role.WellKnown.headTeacher)
            case .esafetyLead?: try? workspace.assign(personID: person.id, to: ESafetyCore.Role.WellKnown.esafetyLead)
            default: break
            }
            if !lead.text.trimmingCharacters(in: .whitespaces).isEmpty {
                let leadPerson = try workspace.directory.people.first { TextSearch.fold($0.fullName) == TextSearch.fold(lead.text) }
                    ?? workspace.addPerson(fullName: lead.text)
                try? workspace.assign(personID: leadPerson.id, to: ESafetyCore.Role.WellKnown.esafetyLead)
            }
            let recovery = try workspace.setUp(administrator: person.id, passphrase: chosen)
            return .reset(RecoveryKeyScreen(context: context, key: recovery))
        }
    }
}

/// Shows the recovery key once, for the head teacher to keep somewhere safe.
final class RecoveryKeyScreen: AppScreen, Screen {
    private let key: String

    init(context: AppContext, key: String) {
        self.key = key
        super.init(context: context)
    }

    let title = "Recovery key"
    var helpText: String { context.help("recovery-key") }
    var actions: ActionTable { ActionTable([Action(.done, keys: [.enter], label: "Done", help: "I have written the key down", inBar: true)]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = rect.inset(top: 1, left: 2, right: 2)
        let lines: [(String, Style)] = [
            ("Write this recovery key down and give it to the head teacher to keep somewhere safe.", .heading),
            ("", .normal),
            (key, .emphasis),
            ("", .normal),
            ("It is shown only now. If every lead forgets their passphrase, it is the only way to open the incident records again (Sign in › F3).", .normal),
            ("Anyone who has it can read the records: keep it locked away, not by the terminal.", .warning),
            ("", .normal),
            ("Write down the store's fingerprint too, and keep it by the terminal: Settings › About and esafety check show it, and a different one means the accounts were replaced outside esafety.", .normal),
            ((try? context.workspace.accounts().fingerprint).flatMap { $0 } ?? "", .emphasis),
            ("", .normal),
            ("Press Enter when it is written down.", .dim),
        ]
        var y = inner.y
        for (text, style) in lines {
            for part in TextWrap.wrap(text, width: inner.width) where y < inner.maxY {
                canvas.write(part, at: Point(x: inner.x, y: y), style: style, clip: inner); y += 1
            }
        }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        action == .done ? .reset(HomeScreen(context: context)) : .unhandled
    }
}
