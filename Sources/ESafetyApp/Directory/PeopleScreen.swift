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
                ListColumn("Name", .flexible(min: 18)) { $0.fullName },
                ListColumn("Roles", .flexible(min: 20)) { person in
                    let roles = workspace.directory.roles(heldBy: person.id).map(\.name)
                    return roles.isEmpty ? "—" : roles.joined(separator: ", ")
                },
                ListColumn("Phone", .fixed(14)) { $0.phone },
            ],
            rows: { workspace.directory.peopleByName },
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
