/// A piece of a screen that draws itself into a rectangle and answers keys. Widgets keep their
/// own UI state (selection, cursor, scroll position); the screen that owns them keeps the rest.
///
/// A widget publishes what it can do now as `actions`, which its screen puts in its own table
/// (so help and the key bar show them) and hands back to `perform(_:)`; `handle(key:)` gets
/// the typed text and any key no action binds.
@MainActor
public protocol Widget: AnyObject {
    /// Draws the widget into `rect`. When `focused`, the widget shows its focus (a highlighted
    /// row, a field colour) and sets `canvas.cursor` if it has a text cursor.
    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool)
    /// Handles one key and says what it did with it.
    func handle(key: Key) -> WidgetResponse
    /// What the widget can do now (it may change with its mode: typing a filter, say).
    var actions: ActionTable { get }
    /// Carries out one of `actions`.
    func perform(_ action: ActionID) -> WidgetResponse
}

extension Widget {
    public var actions: ActionTable { ActionTable() }
    public func perform(_ action: ActionID) -> WidgetResponse { .unhandled }
}
