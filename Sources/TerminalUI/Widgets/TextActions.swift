extension ActionID {
    /// Typing into a focused text field or text box.
    public static let typeText = ActionID("type-text")
    /// Moving to the next and previous field of a form.
    public static let nextField = ActionID("next-field")
    public static let previousField = ActionID("previous-field")
}

/// The actions text widgets and forms publish: typed text goes to the focused field, and Tab
/// and Shift-Tab move between fields. The readline keys are listed by `LineEditing`.
enum TextActions {
    static let typing = Action.typing(.typeText, help: "Type into the field")
    static let fields = [
        Action(.nextField, keys: [.tab], label: "Next", help: "Go to the next field"),
        Action(.previousField, keys: [.backTab], label: "Previous", help: "Go to the previous field"),
    ]
}
