/// What a widget did with a key.
public enum WidgetResponse: Equatable, Sendable {
    /// The key was used (the selection moved, a filter was typed); redraw.
    case handled
    /// The widget does not use this key; its owner (a form, a screen) gets it next.
    case unhandled
    /// The widget's value changed (text typed, an option chosen): its owner has unsaved work.
    case changed
    /// The user chose the current item (Enter, or a menu's number key).
    case activated
}
