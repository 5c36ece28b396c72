import ESafetyCore
import TerminalUI

/// Everyone in the role directory, with the roles they hold; `/` narrows the list.
@MainActor
final class PeopleScreen: Screen {
    private let context: AppContext
    private let table: TableView<Person>

    init(context: AppContext) {
        self.context = context
        let workspace = context.workspace
        table = TableView(
            columns: [
                TableColumn(title: "Name", width: .flexible(min: 18)),
                TableColumn(title: "Roles", width: .flexible(min: 20)),
                TableColumn(title: "Phone", width: .fixed(14)),
            ],
            rows: workspace.directory.peopleByName,
            cells: { person in
                let roles = workspace.directory.roles(heldBy: person.id).map(\.name)
                return [person.fullName, roles.isEmpty ? "—" : roles.joined(separator: ", "), person.phone]
            })
    }

    let title = "People"
    var helpText: String { context.help("people") }

    private var access: EditAccess { .directory(context) }

    var actions: ActionTable {
        ActionTable([CommonActions.open] + access.offering([CommonActions.add, CommonActions.edit, CommonActions.remove]) + [CommonActions.filter])
    }

    func willAppear() { table.rows = context.workspace.directory.peopleByName }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let count = context.workspace.directory.people.count
        let note = "\(count) \(count == 1 ? "person" : "people") in the directory"
        canvas.write(access.notice ?? note, at: Point(x: rect.x + 1, y: rect.y), style: access.mayEdit ? .dim : .warning, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { perform("open") }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case "open":
            guard let person = table.selectedItem else { return .handled }
            return .push(PersonScreen(context: context, personID: person.id))
        case "add":
            return .push(PersonForm.screen(context: context, person: nil) { person in .message("Saved \(person.fullName).", .success) })
        case "edit":
            guard let person = table.selectedItem else { return .handled }
            return .push(PersonForm.screen(context: context, person: person) { person in .message("Saved \(person.fullName).", .success) })
        case "remove":
            guard let person = table.selectedItem else { return .handled }
            return PersonScreen.confirmRemoval(of: person, context: context, then: .handled)
        default:
            return .unhandled
        }
    }
}
