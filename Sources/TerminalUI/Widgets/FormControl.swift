/// A widget that can be a field of a `Form`: it knows whether it holds a value, checks its own
/// value, and says how many rows it would like.
@MainActor
public protocol FormControl: AnyObject {
    /// True when the control holds no value (an empty text, no choice made).
    var isEmpty: Bool { get }
    /// The control's own check of its value ("31/02/2026 is not a date: …"), or nil when the
    /// value is acceptable. An empty control returns nil: whether a value is required is the
    /// form's business.
    var validationMessage: String? { get }
    /// The rows the control would like to have.
    var preferredHeight: Int { get }
    /// The rows the control would like at a width: a control whose text wraps (a check list's
    /// long labels, radio options on several lines) asks for more when narrow, so nothing of
    /// it is cut. The default is `preferredHeight`.
    func preferredHeight(width: Int) -> Int
}

extension FormControl {
    public func preferredHeight(width: Int) -> Int { preferredHeight }
}
