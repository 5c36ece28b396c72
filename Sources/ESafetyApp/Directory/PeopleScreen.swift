import ESafetyCore
import TerminalUI

/// Everyone in the role directory, with the roles they hold; `/` narrows the list.
@MainActor
enum PeopleScreen {
    static func screen(context: AppContext) -> ListScreen<Person> {
        let workspace = context.workspace
        let access = { EditAccess.directory(context) }
        let saved: @MainActor @Sendable (Person) -> ScreenResponse = { person in .message("Saved \(person.fullName).", .success) }
        return ListScreen(
            title: "People", help: { context.help("people") },
            columns: [
                TableColumn(title: "Name", width: .flexible(min: 18)),
                TableColumn(title: "Roles", width: .flexible(min: 20)),
                TableColumn(title: "Phone", width: .fixed(14)),
            ],
            rows: { workspace.directory.peopleByName },
            cells: { person in
                let roles = workspace.directory.roles(heldBy: person.id).map(\.name)
                return [person.fullName, roles.isEmpty ? "—" : roles.joined(separator: ", "), person.phone]
            },
            heading: { _ in
                let count = workspace.directory.people.count
                return [(access().notice ?? "\(count) \(count == 1 ? "person" : "people") in the directory", access().mayEdit ? .dim : .warning)]
            },
            entries: {
                [.onRow(CommonActions.open) { .push(PersonScreen(context: context, personID: $0.id)) }] + access().offering([
                    .always(CommonActions.add) { .push(PersonForm.screen(context: context, person: nil, onSaved: saved)) },
                    .onRow(CommonActions.edit) { .push(PersonForm.screen(context: context, person: $0, onSaved: saved)) },
                    .onRow(CommonActions.remove) { PersonScreen.confirmRemoval(of: $0, context: context, then: .handled) },
                ])
            })
    }
}
