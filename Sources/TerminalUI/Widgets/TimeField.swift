import Foundation
import CivilTime

/// A field for a time typed as `HH:MM` on the 24-hour clock (`H:MM` and `HHMM` are also read).
/// It edits like a `TextField`; "25:00" is refused with a message saying why.
@MainActor
public final class TimeField: ParsedTextField {
    public init(time: ClockTime? = nil) {
        super.init(maxLength: 5, placeholder: "HH:MM", fieldWidth: 6, text: time?.description)
    }

    /// The time typed, or nil when the field is empty or holds no valid time. Setting it shows
    /// the time as `HH:MM`.
    public var time: ClockTime? {
        get { try? ClockTime.parse(field.text).get() }
        set { field.text = newValue?.description ?? "" }
    }

    override var problem: String? {
        if case .failure(let error) = ClockTime.parse(field.text) { return error.description }
        return nil
    }
}
