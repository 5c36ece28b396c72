import Foundation
import CivilTime

/// A field for a date typed as `dd/mm/yyyy` (UK order; `d/m/yyyy` and `yyyy-mm-dd` are also
/// read). It edits like a `TextField`; beside it, the date it read is shown in words
/// ("Tuesday 12 May 2026") so a slip is easy to see. Optional bounds refuse dates too early or
/// too late; a `latest` of today gives the message "… must not be in the future".
@MainActor
public final class DateField: ParsedTextField {
    /// The earliest date accepted, if any.
    public var earliest: CivilDate?
    /// The latest date accepted, if any (`CivilDate.today()` for "not in the future").
    public var latest: CivilDate?
    /// Show the date in words beside the field when it is valid.
    public var showsDateInWords = true

    public init(date: CivilDate? = nil, earliest: CivilDate? = nil, latest: CivilDate? = nil) {
        self.earliest = earliest
        self.latest = latest
        super.init(maxLength: 10, placeholder: "dd/mm/yyyy", fieldWidth: 11, text: date?.description)
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

    override var problem: String? {
        if case .failure(let error) = result { return error.description }
        return nil
    }

    override func drawBeside(into canvas: inout Canvas, rect: Rect) {
        if showsDateInWords, let date, rect.width > 13 {
            let words = Rect(x: rect.x + 12, y: rect.y, width: rect.width - 12, height: 1)
            canvas.write(date.longDescription, at: Point(x: words.x, y: words.y), style: .dim, clip: words)
        }
    }
}
