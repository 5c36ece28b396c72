import TerminalUI

/// A screen that shows one page of text to scroll through (a pupil's consent, a printable list,
/// the governors' figures, an incident): its text view, drawn under a blank line, and the view's
/// scrolling keys. A subclass sets `view.text`, may draw otherwise, and conforms to `Screen`.
class TextPageScreen: AppScreen {
    let view = TextView()

    func draw(into canvas: inout Canvas, rect: Rect) {
        view.draw(into: &canvas, rect: rect.inset(top: 1, left: 2, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { view.handle(key: key) == .unhandled ? .unhandled : .handled }
}
