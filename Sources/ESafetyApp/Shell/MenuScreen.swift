import TerminalUI

/// A screen that is only a numbered menu of further screens, such as the role directory's.
@MainActor
final class MenuScreen: Screen {
    /// One entry: its words and the screen it opens.
    struct Entry {
        var title: String
        var detail: String
        var open: @MainActor () -> ScreenResponse
    }

    let title: String
    let helpText: String
    private let entries: [Entry]
    private let menu: MenuView

    init(title: String, helpText: String, entries: [Entry]) {
        self.title = title
        self.helpText = helpText
        self.entries = entries
        menu = MenuView(items: entries.map { MenuItem(title: $0.title, detail: $0.detail) })
    }

    var actions: ActionTable { ActionTable([CommonActions.open]).merged(with: menu.actions) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write(title, at: Point(x: rect.x + 2, y: rect.y + 1), style: .heading, clip: rect)
        menu.draw(into: &canvas, rect: Rect(x: rect.x + 2, y: rect.y + 3, width: rect.width - 4, height: rect.height - 3), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        menu.handle(key: key).screenResponse { entries[menu.selectedIndex].open() }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        action == .open ? entries[menu.selectedIndex].open() : .unhandled
    }
}
