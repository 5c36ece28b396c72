import ESafetyCore
import TerminalUI

/// One person's page: their details and every role they hold.
final class PersonScreen: AppScreen, Screen {
    private let personID: String
    private let roleList: ListView<Role>

    init(context: AppContext, personID: String) {
        self.personID = personID
        roleList = ListView(items: context.workspace.directory.roles(heldBy: personID)) { $0.name }
        super.init(context: context)
    }

    private var person: Person? { context.workspace.directory.person(personID) }

    var title: String { person?.fullName ?? "Person" }
    var helpText: String { context.help("person") }

    private var access: EditAccess { .directory(context) }

    var actions: ActionTable {
        ActionTable([Action(.open, keys: [.enter], label: "Open", help: "Open the selected role")] + access.offering([
            CommonActions.edit,
            Action(.addRole, keys: [.function(7), .character("a")], label: "AddRole", help: "Make this person a holder of another role", inBar: true),
            Action(.leaveRole, keys: [.function(6), .character("u")], label: "LeaveRole", help: "Take this person out of the selected role (asks first)", inBar: true),
            Action(.remove, keys: [.function(8), .character("d")], label: "Remove", help: "Remove this person from the directory and from all their roles (asks first)", inBar: true),
        ]))
    }

    func willAppear() { roleList.items = context.workspace.directory.roles(heldBy: personID) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard let person else {
            canvas.write("This person is no longer in the directory.", at: Point(x: rect.x + 2, y: rect.y + 1), style: .warning, clip: rect)
            return
        }
        var y = rect.y + 1
        canvas.write(person.fullName, at: Point(x: rect.x + 2, y: y), style: .heading, clip: rect)
        canvas.write(person.id, at: Point(x: rect.maxX - person.id.count - 2, y: y), style: .dim, clip: rect)
        y += 1
        let details = [("Title", person.title), ("Phone", person.phone), ("Email", person.email), ("Notes", person.notes)]
        for (label, value) in details where y < rect.maxY {
            canvas.write(DisplayWidth.pad(label, to: 8), at: Point(x: rect.x + 2, y: y), style: .dim, clip: rect)
            canvas.write(value.isEmpty ? "—" : value, at: Point(x: rect.x + 10, y: y), clip: rect)
            y += 1
        }
        y += 1
        let count = roleList.items.count
        canvas.write(count == 0 ? (access.mayEdit ? "Holds no roles. F7 adds one." : "Holds no roles.") : "Roles held (\(count))", at: Point(x: rect.x + 2, y: y), style: .heading, clip: rect)
        if let notice = access.notice { canvas.write(notice, at: Point(x: rect.x + 2, y: rect.y), style: .warning, clip: rect) }
        roleList.draw(into: &canvas, rect: Rect(x: rect.x + 2, y: y + 1, width: rect.width - 4, height: rect.maxY - y - 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        roleList.handle(key: key).screenResponse { perform(.open) }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard let person else { return .unhandled }
        switch action {
        case .open:
            guard let role = roleList.selectedItem else { return .handled }
            return .push(RoleScreen(context: context, roleID: role.id))
        case .edit:
            return .push(PersonForm.screen(context: context, person: person) { person in .message("Saved \(person.fullName).", .success) })
        case .addRole:
            let held = Set(context.workspace.directory.roles(heldBy: person.id).map(\.id))
            let choices = context.workspace.directory.roles.filter { !held.contains($0.id) }
            return .push(PickerScreen(title: "Add \(person.fullName) to a role", helpText: context.help("pick-role"), items: choices, row: { $0.name }) { [context] role in
                switch context.attempt({ try context.workspace.assign(personID: person.id, to: role.id) }) {
                case .success: return .message("\(person.fullName) now holds \(role.name).", .success)
                case .failure(let failure): return failure.response
                }
            })
        case .leaveRole:
            guard let role = roleList.selectedItem else { return .message("Select a role first.", .info) }
            return .confirm(Confirmation(title: "Leave role?", message: "Take \(person.fullName) out of \(role.name)?", confirmLabel: "Take out", cancelLabel: "Keep") { [context, roleList] in
                switch context.attempt({ try context.workspace.unassign(personID: person.id, from: role.id) }) {
                case .success:
                    roleList.items = context.workspace.directory.roles(heldBy: person.id)
                    return .message("\(person.fullName) no longer holds \(role.name).", .success)
                case .failure(let failure): return failure.response
                }
            })
        case .remove:
            return Self.confirmRemoval(of: person, context: context, then: .popDiscarding)
        default:
            return .unhandled
        }
    }

    /// Asks before removing a person, naming the roles they will leave.
    static func confirmRemoval(of person: Person, context: AppContext, then next: ScreenResponse) -> ScreenResponse {
        let roles = context.workspace.directory.roles(heldBy: person.id).map(\.name)
        let held = roles.isEmpty ? "" : " They will also leave: \(roles.joined(separator: ", "))."
        return .confirm(Confirmation(title: "Remove person?", message: "Remove \(person.fullName) from the directory?\(held) The audit log keeps a record.", confirmLabel: "Remove", cancelLabel: "Keep") {
            switch context.attempt({ try context.workspace.removePerson(person.id) }) {
            case .success: return next
            case .failure(let failure): return failure.response
            }
        })
    }
}
