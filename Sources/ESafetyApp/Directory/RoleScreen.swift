import ESafetyCore
import TerminalUI

/// One role: what it is for, its responsibilities, and its holders with their contact details.
/// F7 adds a holder (an existing person, or a new one), F6 takes the selected holder out.
final class RoleScreen: AppScreen, Screen {
    private let roleID: String
    private let holderList: ListView<Person>

    init(context: AppContext, roleID: String) {
        self.roleID = roleID
        holderList = ListView(items: context.workspace.directory.holders(of: roleID)) { person in
            "\(person.fullName)   \(person.contactLine)"
        }
        super.init(context: context)
    }

    private var role: Role? { context.workspace.directory.role(roleID) }

    var title: String { role?.name ?? "Role" }
    var helpText: String { context.help("role") }

    private var access: EditAccess { .directory(context) }

    var actions: ActionTable {
        ActionTable([Action(.open, keys: [.enter], label: "Open", help: "Open the selected holder's page")] + access.offering([
            Action(.addHolder, keys: [.function(7), .character("a")], label: "AddHolder", help: "Add a holder: choose a person, or F7 again to add a new person", inBar: true),
            Action(.removeHolder, keys: [.function(6), .character("u")], label: "TakeOut", help: "Take the selected holder out of this role (asks first)", inBar: true),
            CommonActions.edit,
        ]))
    }

    func willAppear() { holderList.items = context.workspace.directory.holders(of: roleID) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard let role else { return }
        let inner = rect.inset(left: 2, right: 2)
        var y = rect.y + 1
        canvas.write(role.name, at: Point(x: inner.x, y: y), style: .heading, clip: inner)
        y += 1
        for line in TextWrap.wrap(role.summary, width: inner.width) where y < rect.maxY {
            canvas.write(line, at: Point(x: inner.x, y: y), clip: inner); y += 1
        }
        y += 1
        let holders = holderList.items.count
        if let notice = access.notice { canvas.write(notice, at: Point(x: inner.x, y: rect.y), style: .warning, clip: inner) }
        canvas.write(holders == 0 ? (access.mayEdit ? "Held by nobody yet: F7 adds a holder" : "Held by nobody yet") : "Held by (\(holders))", at: Point(x: inner.x, y: y),
                     style: holders == 0 ? .warning : .heading, clip: inner)
        y += 1
        let listHeight = min(max(holders, 1), 6)
        holderList.draw(into: &canvas, rect: Rect(x: inner.x, y: y, width: inner.width, height: listHeight), focused: true)
        y += listHeight + 1
        if y < rect.maxY {
            canvas.write("Responsibilities", at: Point(x: inner.x, y: y), style: .heading, clip: inner); y += 1
        }
        for responsibility in role.responsibilities {
            for (index, line) in TextWrap.wrap(responsibility, width: inner.width - 2).enumerated() where y < rect.maxY {
                canvas.write((index == 0 ? "• " : "  ") + line, at: Point(x: inner.x, y: y), clip: inner); y += 1
            }
        }
        if y < rect.maxY, !role.source.isEmpty {
            canvas.write("Source: " + role.source, at: Point(x: inner.x, y: y), style: .dim, clip: inner)
        }
    }

    func handle(key: Key) -> ScreenResponse {
        holderList.handle(key: key).screenResponse { perform(.open) }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard let role else { return .unhandled }
        switch action {
        case .open:
            guard let person = holderList.selectedItem else { return .handled }
            return .push(PersonScreen(context: context, personID: person.id))
        case .addHolder:
            return .push(holderPicker(for: role))
        case .removeHolder:
            guard let person = holderList.selectedItem else { return .message("Select a holder first.", .info) }
            return .confirm(Confirmation(title: "Take out?", message: "Take \(person.fullName) out of \(role.name)?", confirmLabel: "Take out", cancelLabel: "Keep") { [context, holderList, roleID] in
                switch context.attempt({ try context.workspace.unassign(personID: person.id, from: roleID) }) {
                case .success:
                    holderList.items = context.workspace.directory.holders(of: roleID)
                    return .message("\(person.fullName) no longer holds \(role.name).", .success)
                case .failure(let failure): return failure.response
                }
            })
        case .edit:
            return .push(RoleForm.screen(context: context, role: role))
        default:
            return .unhandled
        }
    }

    private func holderPicker(for role: Role) -> PickerScreen<Person> {
        let directory = context.workspace.directory
        let candidates = directory.peopleByName.filter { !role.holderIDs.contains($0.id) }
        let context = self.context
        let assign: @MainActor (Person) -> ScreenResponse = { person in
            switch context.attempt({ try context.workspace.assign(personID: person.id, to: role.id) }) {
            case .success: return .message("\(person.fullName) now holds \(role.name).", .success)
            case .failure(let failure): return failure.response
            }
        }
        return PickerScreen(title: "Add a holder", helpText: context.help("pick-person"), items: candidates,
                            row: { person in person.title.isEmpty ? person.fullName : "\(person.fullName) — \(person.title)" },
                            newLabel: "NewPerson",
                            onNew: { .push(PersonForm.screen(context: context, person: nil, onSaved: assign)) },
                            onPick: assign)
    }
}
