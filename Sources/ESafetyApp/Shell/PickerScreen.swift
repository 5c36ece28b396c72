import TerminalUI

/// Choose one item from a list that `/` narrows; Enter picks it, the picker closes, and the
/// owner's response follows. Optionally offers to make a new item (F7).
@MainActor
final class PickerScreen<Item>: Screen {
    let title: String
    let helpText: String
    private let list: ListView<Item>
    private let onPick: @MainActor (Item) -> ScreenResponse
    private let newLabel: String?
    private let onNew: (@MainActor () -> ScreenResponse)?

    init(title: String, helpText: String, items: [Item], row: @escaping (Item) -> String,
         newLabel: String? = nil, onNew: (@MainActor () -> ScreenResponse)? = nil,
         onPick: @escaping @MainActor (Item) -> ScreenResponse) {
        self.title = title
        self.helpText = helpText
        self.list = ListView(items: items, row: row)
        self.newLabel = newLabel
        self.onNew = onNew
        self.onPick = onPick
    }

    var actions: ActionTable {
        var actions = [Action(.pick, keys: [.enter], label: "Choose", help: "Choose the selected item", inBar: true)]
        if let newLabel, onNew != nil {
            actions.append(Action(.new, keys: [.function(7), .control("n")], label: newLabel, help: "Make a new one and choose it", inBar: true))
        }
        return ActionTable(actions, widget: list)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        var hint = "Enter chooses, / finds, Esc goes back"
        if let newLabel, onNew != nil { hint += ", F7 \(newLabel)" }
        canvas.write(hint, at: Point(x: rect.x + 2, y: rect.y), style: .dim, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 1, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        list.handle(key: key).screenResponse { perform(.pick) }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .pick:
            guard let item = list.selectedItem else { return .message("Nothing to choose here.", .info) }
            return .sequence([.popDiscarding, onPick(item)])
        case .new:
            return onNew.map { .sequence([.popDiscarding, $0()]) } ?? .unhandled
        default:
            return list.perform(action).screenResponse { perform(.pick) }
        }
    }
}
