/// A piece of a screen that draws itself into a rectangle and answers keys. Widgets keep their
/// own UI state (selection, cursor, scroll position); the screen that owns them keeps the rest.
@MainActor
public protocol Widget: AnyObject {
    /// Draws the widget into `rect`. When `focused`, the widget shows its focus (a highlighted
    /// row, a field colour) and sets `canvas.cursor` if it has a text cursor.
    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool)
    /// Handles one key and says what it did with it.
    func handle(key: Key) -> WidgetResponse
}
