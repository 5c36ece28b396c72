import Foundation
import ESafetyCore
import TerminalUI

/// Signing at the shared terminal: the AUP text to scroll through, then the signer types their
/// full name (it must match the record) and the member of staff signed in confirms as witness.
@MainActor
final class AUPSignScreen: Screen {
    private let context: AppContext
    private let person: RosterPerson
    private let version: AUPVersion
    private let nameField = TextField(maxLength: 120, placeholder: "type your full name")
    private var scrollTop = 0
    private var pageSize = 10
    private var lineCount = 0

    init(context: AppContext, person: RosterPerson, version: AUPVersion) {
        self.context = context
        self.person = person
        self.version = version
    }

    var title: String { "Sign: \(person.fullName)" }
    var helpText: String { AUPHelp.text("aup-sign") }
    var hasUnsavedChanges: Bool { !nameField.isEmpty }

    var actions: ActionTable {
        ActionTable([Action("sign", keys: [.enter, .function(2)], label: "Sign", help: "Sign with the name typed (asks the witness to confirm)", inBar: true)])
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("\(version.kind.title) · version \(version.id) · for \(person.listLabel)", at: Point(x: rect.x + 1, y: rect.y), style: .heading, clip: rect)
        let textRect = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: max(1, rect.height - 3))
        canvas.box(textRect)
        let inner = textRect.inset(by: 1)
        let lines = TextWrap.wrap(Self.reflow(version.text), width: inner.width)
        lineCount = lines.count
        pageSize = max(1, inner.height)
        scrollTop = max(0, min(scrollTop, lines.count - pageSize))
        for (row, line) in lines.dropFirst(scrollTop).prefix(inner.height).enumerated() {
            canvas.write(line, at: Point(x: inner.x, y: inner.y + row), clip: inner)
        }
        let shown = min(lines.count, scrollTop + pageSize)
        let position = shown >= lines.count ? "end of the text" : "↓ more: lines \(scrollTop + 1)–\(shown) of \(lines.count)"
        canvas.write(" \(position) ", at: Point(x: textRect.x + 2, y: textRect.maxY - 1), style: .dim, clip: textRect)
        let prompt = "Signer, type your full name:"
        let y = textRect.maxY
        canvas.write(prompt, at: Point(x: rect.x + 1, y: y), clip: rect)
        let fieldX = rect.x + 2 + DisplayWidth.of(prompt)
        nameField.draw(into: &canvas, rect: Rect(x: fieldX, y: y, width: max(10, rect.maxX - fieldX - 1), height: 1), focused: true)
        canvas.write("↑ ↓ PgUp PgDn scroll the text; Enter signs; witness: \(context.workspace.actor.name)",
                     at: Point(x: rect.x + 1, y: y + 1), style: .dim, clip: rect)
    }

    /// Joins the lines of a hard-wrapped paragraph so the text wraps to the window; a blank line
    /// or a line starting a numbered or bulleted item still starts a new line.
    static func reflow(_ text: String) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let startsItem = trimmed.first.map { $0.isNumber || $0 == "-" || $0 == "•" } ?? true
            if let last = out.last, !last.isEmpty, !trimmed.isEmpty, !startsItem {
                out[out.count - 1] = last + " " + trimmed
            } else {
                out.append(trimmed)
            }
        }
        return out.joined(separator: "\n")
    }

    func handle(key: Key) -> ScreenResponse {
        switch key {
        case .up: scrollTop = max(0, scrollTop - 1)
        case .down: scrollTop = min(max(0, lineCount - pageSize), scrollTop + 1)
        case .pageUp: scrollTop = max(0, scrollTop - pageSize)
        case .pageDown: scrollTop = min(max(0, lineCount - pageSize), scrollTop + pageSize)
        default: return nameField.handle(key: key) == .unhandled ? .unhandled : .handled
        }
        return .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "sign" else { return .unhandled }
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
