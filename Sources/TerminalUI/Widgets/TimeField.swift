import Foundation
import CivilTime

/// A field for a time typed as `HH:MM` on the 24-hour clock (`H:MM` and `HHMM` are also read).
/// It edits like a `TextField`; "25:00" is refused with a message saying why.
@MainActor
public final class TimeField: Widget, FormControl {
    private let field = TextField(maxLength: 5, placeholder: "HH:MM")

    public init(time: ClockTime? = nil) {
        field.fieldWidth = 6
        if let time { field.text = time.description }
    }

    /// The text as typed.
    public var text: String {
        get { field.text }
        set { field.text = newValue }
    }

    /// The time typed, or nil when the field is empty or holds no valid time. Setting it shows
    /// the time as `HH:MM`.
    public var time: ClockTime? {
        get { try? ClockTime.parse(field.text).get() }
        set { field.text = newValue?.description ?? "" }
    }

    public var isEmpty: Bool { field.text.trimmingCharacters(in: .whitespaces).isEmpty }
    public var validationMessage: String? {
        if isEmpty { return nil }
        if case .failure(let error) = ClockTime.parse(field.text) { return error.description }
        return nil
    }
    public var preferredHeight: Int { 1 }

    public func handle(key: Key) -> WidgetResponse { field.handle(key: key) }
    public var actions: ActionTable { field.actions }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect.top(1))
        field.draw(into: &canvas, rect: rect, focused: focused)
    }
}

extension TimeField: PasteReceiving {
    /// As its text field takes a paste: what has no room is left out, and counted, so the
    /// screen can say so.
    public func insert(pasted text: String) -> PasteResult { field.insert(pasted: text) }
}
