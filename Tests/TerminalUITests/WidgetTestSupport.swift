import TerminalUI

/// Draws a widget on a fresh canvas of the given size and returns the canvas.
@MainActor
func render(_ widget: any Widget, width: Int, height: Int, focused: Bool = true) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    widget.draw(into: &canvas, rect: canvas.bounds, focused: focused)
    return canvas
}

/// Sends each character of `text` to a widget as a key press, and returns the last response.
@MainActor
@discardableResult
func type(_ text: String, into widget: any Widget) -> WidgetResponse {
    var last = WidgetResponse.unhandled
    for character in text { last = widget.handle(key: .character(character)) }
    return last
}

/// Sends keys to a widget and returns their responses.
@MainActor
@discardableResult
func press(_ keys: Key..., on widget: any Widget) -> [WidgetResponse] {
    keys.map { widget.handle(key: $0) }
}
