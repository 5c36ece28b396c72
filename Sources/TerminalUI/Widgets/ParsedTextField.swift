import Foundation

/// A one-line field whose text is read as a value (a date, a time): it edits and takes a paste
/// like the `TextField` inside it, and says why the text is not a value. `DateField` and
/// `TimeField` are its kinds; each reads its own value and may draw something beside the field.
@MainActor
public class ParsedTextField: Widget, FormControl, PasteReceiving {
    let field: TextField

    init(maxLength: Int, placeholder: String, fieldWidth: Int, text: String?) {
        field = TextField(maxLength: maxLength, placeholder: placeholder)
        field.fieldWidth = fieldWidth
        if let text { field.text = text }
    }

    /// The text as typed.
    public var text: String {
        get { field.text }
        set { field.text = newValue }
    }

    /// Why the text (not empty) is not a value, or nil when it is one. A kind overrides it.
    var problem: String? { nil }

    /// Draws what goes beside the field (the field takes `rect`'s left end). None by default.
    func drawBeside(into canvas: inout Canvas, rect: Rect) {}

    public var isEmpty: Bool { field.text.trimmingCharacters(in: .whitespaces).isEmpty }
    public var validationMessage: String? { isEmpty ? nil : problem }
    public var preferredHeight: Int { 1 }

    public func handle(key: Key) -> WidgetResponse { field.handle(key: key) }
    public var actions: ActionTable { field.actions }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect.top(1))
        field.draw(into: &canvas, rect: rect, focused: focused)
        drawBeside(into: &canvas, rect: rect)
    }

    /// As its text field takes a paste: what has no room is left out, and counted, so the
    /// screen can say so.
    public func insert(pasted text: String) -> PasteResult { field.insert(pasted: text) }
}
