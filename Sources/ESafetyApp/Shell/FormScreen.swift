import TerminalUI

/// A screen that is one `Form`: Tab between fields, F2 validates and saves, Esc asks before
/// discarding typed changes. What saving means is the owner's closure, which returns the
/// response to follow once the form has closed (a message, usually). Opened with an
/// ``EditAccess`` the person lacks, it is read-only: the fields are shown, Tab and the arrows
/// move between them, the notice says why, and there is no Save.
@MainActor
final class FormScreen: Screen {
    let title: String
    let helpText: String
    private let hint: @MainActor () -> (String, Style)
    private let form: Form
    private let save: @MainActor () throws -> ScreenResponse
    /// Says when the record being edited has been changed by someone else since the form opened.
    private let staleNotice: (@MainActor () -> String?)?
    /// Why the form is read-only, when it is.
    private let readOnlyNotice: String?

    init(title: String, helpText: String, form: Form,
         hint: @escaping @MainActor () -> (String, Style) = { ("Tab moves between fields; F2 saves; Esc cancels", .dim) },
         staleNotice: (@MainActor () -> String?)? = nil,
         access: EditAccess? = nil,
         save: @escaping @MainActor () throws -> ScreenResponse) {
        self.title = title
        self.helpText = helpText
        self.form = form
        self.hint = hint
        self.staleNotice = staleNotice
        self.save = save
        readOnlyNotice = access?.notice
    }

    /// Another session's change leaves what was typed alone; the hint line says so (below).
    func stateDidChange() {}

    var hasUnsavedChanges: Bool { form.isDirty }
    /// Save, then the form's own (typing into a text field, Tab between fields); nothing when
    /// read-only (Tab and the arrows still move between fields).
    var actions: ActionTable { readOnlyNotice == nil ? ActionTable([CommonActions.save], widget: form) : ActionTable() }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let (text, style) = readOnlyNotice.map { ($0, Style.warning) } ?? staleNotice?().map { ($0, Style.warning) } ?? hint()
        // The hint wraps (it may carry the only copy of what F2 does), and the form starts under it.
        let rows = canvas.writeWrapped(text, in: rect.inset(left: 2, right: 2).top(max(1, rect.height / 4)), style: style)
        form.draw(into: &canvas, rect: rect.inset(top: max(1, rows) + 1, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        if readOnlyNotice != nil {
            switch key {
            case .tab, .down: return form.handle(key: .tab) == .unhandled ? .unhandled : .handled
            case .backTab, .up: return form.handle(key: .backTab) == .unhandled ? .unhandled : .handled
            default: return .unhandled
            }
        }
        return form.handle(key: key) == .unhandled ? .unhandled : .handled
    }

    func handle(paste text: String) -> ScreenResponse {
        let result = form.handle(paste: text)
        if let message = result.message { return .message(message, .warning) }
        return result.response == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .save, readOnlyNotice == nil else { return form.perform(action) == .unhandled ? .unhandled : .handled }
        guard form.validate() else { return .message("Please correct the fields marked in red.", .error) }
        do {
            let next = try save()
            form.markClean()
            return .sequence([.popDiscarding, next])
        } catch {
            return .message(String(describing: error), .error)
        }
    }
}
