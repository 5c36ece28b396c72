import ESafetyCore
import TerminalUI

/// The start of the year: go down the class list and press Space for each pupil who signed the
/// class AUP. Each tick is saved at once and the selection moves to the next pupil. F6 ticks the
/// whole class after asking with the count; `v` voids a tick made on the wrong pupil.
final class ClassTickScreen: AppScreen, Screen {
    private let schoolClass: SchoolClass
    private let list: ListView<RosterPerson>

    init(context: AppContext, schoolClass: SchoolClass) {
        self.schoolClass = schoolClass
        let register = context.workspace.aup
        let workspace = context.workspace
        list = ListView(items: register.pupils(inClass: schoolClass.name)) { pupil in
            if let signature = register.countingSignature(of: pupil, today: workspace.today) {
                return "[x] \(pupil.fullName)  signed \(signature.signedOn)"
            }
            return "[ ] \(pupil.fullName)"
        }
        super.init(context: context)
        list.emptyText = "No pupils in this class yet: import the roster first."
    }

    var title: String { "Class \(schoolClass.name)" }
    var helpText: String { context.help("aup-class") }

    var actions: ActionTable {
        ActionTable([
            Action(.tick, keys: [.character(" "), .enter], label: "Tick", help: "Record that the selected pupil signed, and move to the next", inBar: true),
            Action(.tickAll, keys: [.function(6), .control("t")], label: "TickAll", help: "Tick every pupil of the class not yet signed (asks first, with the count)", inBar: true),
            AUPActions.void,
        ], widget: list)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let pupils = list.items
        let signed = pupils.filter { context.workspace.aup.hasSigned($0, today: context.workspace.today) }.count
        canvas.write("Class \(schoolClass.name) · \(AUPCompletion(signed: signed, due: pupils.count).summary) · Space ticks, F6 all, v voids",
                     at: Point(x: rect.x + 1, y: rect.y), style: .dim, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key).screenResponse { perform(.tick) } }

    func willAppear() { list.items = list.items }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .tickAll: return tickAll()
        case .void:
            guard let pupil = list.selectedItem else { return .handled }
            guard let signature = context.workspace.aup.countingSignature(of: pupil, today: context.workspace.today) else {
                return .message("\(pupil.fullName) has no signature this year to void.", .info)
            }
            return voidSignatureResponse(context: context, person: pupil, signature: signature)
        case .tick: break
        default: return list.perform(action).screenResponse { perform(.tick) }
        }
        guard let pupil = list.selectedItem, let index = list.selectedIndex else { return .handled }
        let register = context.workspace.aup
        if let signature = register.countingSignature(of: pupil, today: context.workspace.today) {
            _ = list.handle(key: .down)
            return .message("\(pupil.fullName) already signed on \(signature.signedOn); v voids a tick made by mistake.", .info)
        }
        switch context.attempt({ try register.tick(personID: pupil.id) }) {
        case .success:
            list.items = list.items
            list.selectedIndex = index
            _ = list.handle(key: .down)
            return .message("\(pupil.fullName) signed.", .success)
        case .failure(let message):
            return message.response
        }
    }

    private func tickAll() -> ScreenResponse {
        let register = context.workspace.aup
        let count = register.pupilsToTick(inClass: schoolClass.name).count
        guard count > 0 else { return AUPError.noneToTick(schoolClass.name).screenResponse }
        return .confirm(Confirmation(
            title: "Tick the whole class?",
            message: "Record \(count) pupils of class \(schoolClass.name) not yet signed as having signed the \(AUPKind.pupil.title) today, witnessed by \(context.workspace.actor.name)?",
            confirmLabel: "Tick \(count)", cancelLabel: "Not yet") { [context, list, schoolClass] in
                switch context.attempt({ try register.tickClass(schoolClass.name) }) {
                case .success(let ticked):
                    list.items = list.items
                    return .message("Ticked \(ticked) pupils of class \(schoolClass.name).", .success)
                case .failure(let message): return message.response
                }
            })
    }
}
