import TerminalUI

/// Every line of the home dashboard in one scrollable list, under each section's heading: what
/// "… and N more" opens, so no line is out of reach on a small terminal. Enter opens a line.
@MainActor
final class DashboardListScreen: Screen {
    private enum Entry {
        case heading(String)
        case line(DashboardLine)
    }

    private let context: AppContext
    private let entries: [Entry]
    private let list: ListView<Int>

    init(context: AppContext, sections: [(title: String, lines: [DashboardLine])], startingAt title: String) {
        self.context = context
        var entries: [Entry] = []
        for section in sections {
            entries.append(.heading(section.title))
            entries += section.lines.map(Entry.line)
        }
        self.entries = entries
        let texts: [String] = entries.map { entry in
            switch entry {
            case .heading(let title): return title
            case .line(let line): return "  " + line.text
            }
        }
        list = ListView(items: Array(entries.indices), row: { texts[$0] })
        if let start = entries.firstIndex(where: { if case .heading(let t) = $0 { return t == title } else { return false } }) {
            list.selectedIndex = min(entries.count - 1, start + 1)
        }
    }

    let title = "Dashboard"
    var helpText: String { context.help("dashboard-list") }
    var actions: ActionTable { ActionTable([CommonActions.open], widget: list) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Everything the home screen has to show; Enter opens a line.", at: Point(x: rect.x + 2, y: rect.y), style: .dim, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key).screenResponse { perform(.open) } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .open else { return list.perform(action).screenResponse { perform(.open) } }
        guard let index = list.selectedItem, case .line(let line) = entries[index] else { return .handled }
        return line.open()
    }
}
