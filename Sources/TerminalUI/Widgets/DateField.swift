import Foundation
import CivilTime

/// A field for a date typed as `dd/mm/yyyy` (UK order; `d/m/yyyy` and `yyyy-mm-dd` are also
/// read). It edits like a `TextField`; beside it, the date it read is shown in words
/// ("Tuesday 12 May 2026") so a slip is easy to see. Optional bounds refuse dates too early or
/// too late; a `latest` of today gives the message "… must not be in the future".
@MainActor
public final class DateField: Widget, FormControl {
    private let field = TextField(maxLength: 10, placeholder: "dd/mm/yyyy")
    /// The earliest date accepted, if any.
    public var earliest: CivilDate?
    /// The latest date accepted, if any (`CivilDate.today()` for "not in the future").
    public var latest: CivilDate?
    /// Show the date in words beside the field when it is valid.
    public var showsDateInWords = true

    public init(date: CivilDate? = nil, earliest: CivilDate? = nil, latest: CivilDate? = nil) {
        self.earliest = earliest
        self.latest = latest
        field.fieldWidth = 11
        if let date { field.text = date.description }
    }

    /// The text as typed.
    public var text: String {
        get { field.text }
        set { field.text = newValue }
    }

    /// The date typed, or nil when the field is empty, not a date, or outside the bounds.
    /// Setting it shows the date as `dd/mm/yyyy`.
    public var date: CivilDate? {
        get { if case .success(let date) = result { return date } else { return nil } }
        set { field.text = newValue?.description ?? "" }
    }

    /// The date typed and checked against the bounds, or why it was refused.
    public var result: Result<CivilDate, DateParseError> {
        CivilDate.parse(field.text).flatMap { date in
            if let latest, date > latest {
                return .failure(latest == CivilDate.today() ? .inTheFuture(date, today: latest) : .tooLate(date, latest: latest))
            }
            if let earliest, date < earliest { return .failure(.tooEarly(date, earliest: earliest)) }
            return .success(date)
        }
    }

    public var isEmpty: Bool { field.text.trimmingCharacters(in: .whitespaces).isEmpty }
    public var validationMessage: String? {
        if isEmpty { return nil }
        if case .failure(let error) = result { return error.description }
        return nil
    }
    public var preferredHeight: Int { 1 }

    public func handle(key: Key) -> WidgetResponse { field.handle(key: key) }
    public var actions: ActionTable { field.actions }

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect.top(1))
        field.draw(into: &canvas, rect: rect, focused: focused)
        if showsDateInWords, let date, rect.width > 13 {
            let words = Rect(x: rect.x + 12, y: rect.y, width: rect.width - 12, height: 1)
            canvas.write(date.longDescription, at: Point(x: words.x, y: words.y), style: .dim, clip: words)
        }
    }
}

extension DateField: PasteReceiving {
    /// As its text field takes a paste: what has no room is left out, and counted, so the
    /// screen can say so.
    public func insert(pasted text: String) -> PasteResult { field.insert(pasted: text) }
}
