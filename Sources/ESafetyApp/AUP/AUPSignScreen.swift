import Foundation
import ESafetyCore
import TerminalUI

/// Signing at the shared terminal: the AUP text to scroll through, then the signer types their
/// full name (it must match the record) and the member of staff signed in confirms as witness.
/// The signature is enabled only once the text has been shown to its end; F5 records instead a
/// copy signed on paper, with the date on it.
final class AUPSignScreen: AppScreen, Screen {
    private let person: RosterPerson
    private let version: AUPVersion
    private let pane: AUPTextPane
    private let nameField = TextField(maxLength: 120, placeholder: "type your full name")

    init(context: AppContext, person: RosterPerson, version: AUPVersion) {
        self.person = person
        self.version = version
        pane = AUPTextPane(version: version)
        super.init(context: context)
    }

    var title: String { "Sign: \(person.fullName)" }
    var helpText: String { context.help("aup-sign") }
    var hasUnsavedChanges: Bool { !nameField.isEmpty }

    var actions: ActionTable {
        var actions = [Action(.paper, keys: [.function(5), .control("p")], label: "OnPaper", help: "Signed on paper instead: record it with the paper copy's date", inBar: true)]
        if pane.shownToEnd {
            actions.insert(Action(.sign, keys: [.enter, .function(2)], label: "Sign", help: "Sign with the name typed (asks the witness to confirm)", inBar: true), at: 0)
            return ActionTable(actions, widget: nameField).merged(with: pane.actions)
        }
        return ActionTable(actions).merged(with: pane.actions)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("\(version.kind.title) · version \(version.id) · for \(person.listLabel)", at: Point(x: rect.x + 1, y: rect.y), style: .heading, clip: rect)
        let textRect = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: max(3, rect.height - 3))
        pane.draw(into: &canvas, rect: textRect)
        let y = textRect.maxY
        guard pane.shownToEnd else {
            canvas.write("Read the text to its end (↓ PgDn End) to sign; F5 if it was signed on paper.", at: Point(x: rect.x + 1, y: y), style: .warning, clip: rect)
            return
        }
        let prompt = "Signer, type your full name:"
        canvas.write(prompt, at: Point(x: rect.x + 1, y: y), clip: rect)
        let fieldX = rect.x + 2 + DisplayWidth.of(prompt)
        nameField.draw(into: &canvas, rect: Rect(x: fieldX, y: y, width: max(10, rect.maxX - fieldX - 1), height: 1), focused: true)
        canvas.write("↑ ↓ PgUp PgDn scroll the text; Enter signs; witness: \(context.workspace.actor.name)",
                     at: Point(x: rect.x + 1, y: y + 1), style: .dim, clip: rect)
    }

    func handle(key: Key) -> ScreenResponse {
        if pane.scroll(key) { return .handled }
        if key == .enter, !pane.shownToEnd { return .message("Read the text to its end first (↓ PgDn End): the signature is enabled there.", .warning) }
        guard pane.shownToEnd else { return .unhandled }
        return nameField.handle(key: key) == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        if action == .paper { return .push(paperSignatureForm(context: context, person: person, closesSigning: true)) }
        guard action == .sign, pane.shownToEnd else { return .unhandled }
        let typed = nameField.text
        guard person.nameMatches(typed) else { return AUPError.nameDoesNotMatch(typed: typed).screenResponse }
        let witness = context.workspace.actor.name
        return .confirm(Confirmation(
            title: "Record this signature?",
            message: "\(person.fullName) has read and signs the \(version.kind.title) (\(version.id)) today, witnessed by \(witness).",
            confirmLabel: "Record", cancelLabel: "Not yet") { [context, person] in
                switch context.attempt({ try context.workspace.aup.signAtTerminal(personID: person.id, typedName: typed) }) {
                case .success: return .sequence([.popDiscarding, .message("\(person.fullName) signed the \(person.group.aup.title).", .success)])
                case .failure(let message): return message.response
                }
            })
    }
}
