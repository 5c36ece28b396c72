import ESafetyCore
import TerminalUI

/// Actions of the AUP screens used on more than one of them.
enum AUPActions {
    static let void = Action(.void, keys: [.character("v")], label: "Void", help: "Void a signature recorded by mistake, with a reason (it stays in the history, struck through)", inBar: true)
}

/// One person's signatures this school year, newest first, voided ones struck through with who
/// voided them, when and why. `v` voids the selected one; Enter reads the text it signed.
final class SignatureHistoryScreen: AppScreen, Screen {
    private let person: RosterPerson
    private let list: ListView<AUPSignature>

    init(context: AppContext, person: RosterPerson) {
        self.person = person
        let register = context.workspace.aup
        list = ListView(items: register.signatures(of: person.id)) { signature in
            let line = "\(signature.signedOn) · \(signature.kind.title) · \(signature.method.phrase)"
            guard let void = register.void(of: signature) else { return line + " · witness \(signature.witness.name)" }
            return struckThrough(line) + "  VOIDED: \(void.reason)"
        }
        super.init(context: context)
        list.emptyText = "No signatures this school year."
    }

    var title: String { "Signatures: \(person.fullName)" }
    var helpText: String { context.help("aup-history") }
    var actions: ActionTable {
        var actions = [Action(.read, keys: [.enter], label: "Read", help: "Read the AUP text this signature is of", inBar: true)]
        if context.workspace.can(.recordSignatures) { actions.append(AUPActions.void) }
        return ActionTable(actions)
    }

    func willAppear() { list.items = context.workspace.aup.signatures(of: person.id) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let signed = context.workspace.aup.countingSignature(of: person, today: context.workspace.today)
        let status = signed.map { "signed on \($0.signedOn)" } ?? "NOT SIGNED this year"
        canvas.write("\(person.listLabel) · \(status)", at: Point(x: rect.x + 1, y: rect.y), style: signed == nil ? .warning : .dim, clip: rect)
        let details = selectedDetails(width: rect.width - 2)
        list.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, bottom: details.count + 1, right: 1), focused: true)
        for (row, line) in details.enumerated() {
            canvas.write(line, at: Point(x: rect.x + 1, y: rect.maxY - details.count + row), style: row == 0 ? .dim : .warning, clip: rect)
        }
    }

    /// The selected signature in full below the list: version, when and by whom, and its void.
    private func selectedDetails(width: Int) -> [String] {
        guard let signature = list.selectedItem else { return [] }
        var text = "Version \(signature.versionID), recorded \(AuditFormatting.timestamp(signature.recordedAt)) \(signature.method.phrase), witness \(signature.witness.name)."
        if let lapses = signature.lapsesAfter { text += " Lapses after \(lapses)." }
        var lines = TextWrap.wrap(text, width: max(1, width))
        if let void = context.workspace.aup.void(of: signature) {
            lines += TextWrap.wrap("VOIDED \(AuditFormatting.timestamp(void.voidedAt)) by \(void.voidedBy.name): \(void.reason)", width: max(1, width))
        }
        return lines
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key).screenResponse { perform(.read) } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard let signature = list.selectedItem else { return action == .read || action == .void ? .handled : .unhandled }
        switch action {
        case .read:
            guard let version = context.workspace.aup.version(signature.versionID) else { return .message("That text is no longer in the register.", .error) }
            return .push(AUPTextScreen(context: context, version: version))
        case .void:
            guard context.workspace.can(.recordSignatures) else { return .unhandled }
            return voidSignatureResponse(context: context, person: person, signature: signature)
        default: return .unhandled
        }
    }
}

/// The form that voids a signature: the reason is required and kept; F2 voids.
@MainActor
func voidSignatureResponse(context: AppContext, person: RosterPerson, signature: AUPSignature) -> ScreenResponse {
    let register = context.workspace.aup
    if let void = register.void(of: signature) { return .message("Already voided by \(void.voidedBy.name): \(void.reason)", .info) }
    let reason = TextField(maxLength: 200, placeholder: "e.g. ticked the wrong pupil")
    let form = Form(fields: [Form.Field(label: "Why", widget: reason, required: true, help: "Kept in the history and the audit log")])
    let what = "\(person.fullName)'s \(signature.kind.title) signature of \(signature.signedOn) (\(signature.method.phrase))"
    return .push(FormScreen(title: "Void a signature", helpText: context.help("aup-history"), form: form,
                            hint: { ("Void \(what)? It stays in the history, struck through. F2 voids; Esc keeps it", .warning) }) {
        try register.voidSignature(signature, reason: reason.text)
        return .message("Voided \(what).", .success)
    })
}

/// Text with a combining long stroke on each character, which terminals show struck through.
func struckThrough(_ text: String) -> String {
    String(text.flatMap { character -> [Character] in character == " " ? [character] : [character, "\u{0336}"] })
}

extension AUPSignature.Method {
    /// "at the terminal", "on paper", "with the class".
    var phrase: String {
        switch self {
        case .terminal: return "at the terminal"
        case .paper: return "on paper"
        case .classList: return "with the class"
        }
    }
}
