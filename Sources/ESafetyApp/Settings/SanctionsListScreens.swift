import ESafetyCore
import TerminalUI

/// The sanctions list to read, from the flowchart walk where an option names it.
@MainActor
final class SanctionsListScreen: Screen {
    private let list: SanctionsList
    private let view = TextView()

    init(list: SanctionsList) {
        self.list = list
        view.text = list.text
    }

    var title: String { list.title }
    var helpText: String { "The school's sanctions list, as Settings › Sanctions list has it. ↑ ↓ PgUp PgDn scroll; Esc goes back to the walk." }
    var actions: ActionTable { view.actions }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let note = list.confirmed ? "The school's sanctions list" : "The policy's sanctions list (the school has not saved its own yet)"
        canvas.write(note, at: Point(x: rect.x + 2, y: rect.y), style: .dim, clip: rect)
        view.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { view.handle(key: key) == .unhandled ? .unhandled : .handled }
    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}

/// Settings › Sanctions list: its title, the sentence before the items, the items one a line,
/// and where it comes from. Administrators change it; anyone else sees it read-only.
@MainActor
enum SanctionsListForm {
    static func screen(context: AppContext) -> any Screen {
        let current: SanctionsList
        do { current = try context.workspace.sanctionsList() } catch {
            return NoticeScreen(title: "Sanctions list", text: "The sanctions list cannot be read: \(error)")
        }
        let title = TextField(text: current.title, maxLength: 120)
        let introduction = TextArea(text: current.introduction, visibleLines: 3)
        let items = TextArea(text: current.items.joined(separator: "\n"), visibleLines: 8)
        let source = TextField(text: current.source, maxLength: 240)
        let form = Form(fields: [
            Form.Field(label: "Title", widget: title, required: true),
            Form.Field(label: "Introduction", widget: introduction, help: "The sentence before the items"),
            Form.Field(label: "Items", widget: items, required: true, help: "One item a line; the flowchart walk shows them where an option names the sanctions list"),
            Form.Field(label: "Source", widget: source, help: "Which policy, and which section of it"),
        ])
        let hint: @MainActor () -> (String, Style) = {
            current.confirmed ? ("Tab moves between fields; F2 saves", .dim) : ("The policy's list until you save the school's own: check it, then F2", .warning)
        }
        return FormScreen(title: "Sanctions list", helpText: context.help("settings"), form: form, hint: hint,
                          access: EditAccess(.editSettings, what: "the sanctions list", context: context)) {
            let updated = SanctionsList(title: title.text, introduction: introduction.text,
                                        items: items.text.split(separator: "\n").map(String.init), source: source.text, confirmed: true)
            try context.workspace.updateSanctionsList(updated, basedOn: current)
            return .message("Saved the sanctions list (\(updated.items.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count) items).", .success)
        }
    }
}
