import ESafetyCore
import TerminalUI

/// The first screen once accounts exist, and the lock screen after the idle timeout: choose
/// your name, type your passphrase. Nothing else of the school's data is shown here. After a
/// lock, the person who was signed in gets their screens back as they left them, typed values
/// and all; anyone else starts at home (drafts were kept on disk by the lock either way).
final class SignInScreen: AppScreen, Screen {
    private let people: ListView<Person>
    private let passphrase = TextField(maxLength: 200, placeholder: "your passphrase")
    private var typingPassphrase = false
    private let notice: String?
    private let kept: LockedWork?

    init(context: AppContext, notice: String? = nil, kept: LockedWork? = nil) {
        self.notice = notice
        self.kept = kept
        let accounts = (try? context.workspace.accounts().users.map(\.personID)) ?? []
        let directory = context.workspace.directory
        people = ListView(items: directory.peopleByName.filter { accounts.contains($0.id) }) { $0.fullName }
        super.init(context: context)
        passphrase.isSecret = true
    }

    let title = "Sign in"
    var helpText: String { context.help("sign-in") }

    var actions: ActionTable {
        let signIn = Action(.signIn, keys: [.enter], label: "SignIn", help: "Choose your name, then type your passphrase and press Enter", inBar: true)
        let recover = Action(.recover, keys: [.function(3), .control("r")], label: "Recovery", help: "Use the school's recovery key when every lead has forgotten their passphrase", inBar: true)
        if typingPassphrase {
            let another = Action(.chooseAnother, keys: [.escape], label: "Back", help: "Choose another name", inBar: true)
            return ActionTable([signIn, recover, another], widget: passphrase)
        }
        return ActionTable([signIn, recover, Action(.quitHome, keys: [.character("q")], label: "Quit", help: "Quit esafety")], widget: people)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = rect.inset(top: 1, left: 2, right: 2)
        canvas.write(context.workspace.profile.schoolName, at: Point(x: inner.x, y: inner.y), style: .heading, clip: inner)
        var y = inner.y + 1
        if let notice {
            for line in TextWrap.wrap(notice, width: inner.width) { canvas.write(line, at: Point(x: inner.x, y: y), style: .warning, clip: inner); y += 1 }
        }
        y += 1
        canvas.write(typingPassphrase ? "Passphrase for \(people.selectedItem?.fullName ?? "")" : "Who are you? (/ finds your name)",
                     at: Point(x: inner.x, y: y), style: .heading, clip: inner)
        y += 1
        if typingPassphrase {
            passphrase.draw(into: &canvas, rect: Rect(x: inner.x, y: y, width: min(40, inner.width), height: 1), focused: true)
            canvas.write("Enter signs in; Esc chooses another name", at: Point(x: inner.x, y: y + 2), style: .dim, clip: inner)
        } else {
            people.draw(into: &canvas, rect: Rect(x: inner.x, y: y, width: min(50, inner.width), height: inner.maxY - y), focused: true)
        }
    }

    func handle(key: Key) -> ScreenResponse {
        if typingPassphrase { return passphrase.handle(key: key) == .unhandled ? .unhandled : .handled }
        return people.handle(key: key).screenResponse { perform(.signIn) }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .chooseAnother:
            typingPassphrase = false
            passphrase.text = ""
            return .handled
        case .signIn:
            guard let person = people.selectedItem else { return .message("Nobody has an account yet.", .warning) }
            guard typingPassphrase else {
                typingPassphrase = true
                return .handled
            }
            do {
                let session = try context.workspace.accounts().signIn(personID: person.id, passphrase: passphrase.text)
                passphrase.text = ""
                let rotation = context.workspace.begin(session, progress: UsersScreen.rotationProgress(context))
                let greeting = "Signed in as \(session.fullName) (\(session.level.label))."
                // The screens kept by the idle lock come back to the same person; not after a key
                // rotation at this sign-in, which sealed the records again under the screens' feet
                // (their incident drafts are on disk and offered back).
                if rotation == nil, let kept, kept.personID == session.personID, let first = kept.screens.first {
                    return .sequence([.reset(first)] + kept.screens.dropFirst().map { .push($0) }
                                     + [.message(greeting + " Your work is as you left it.", .success)])
                }
                return .sequence([.reset(HomeScreen(context: context)),
                                  .message(rotation.map { greeting + " " + $0 } ?? greeting, rotation == nil ? .success : .warning)])
            } catch {
                passphrase.text = ""
                return .message(String(describing: error), .error)
            }
        case .recover:
            return .push(RecoveryForm.screen(context: context))
        case .quitHome:
            return .quit
        default:
            return people.perform(action).screenResponse { perform(.signIn) }
        }
    }
}

/// What the idle lock keeps in memory: who was signed in and their stack of screens, with
/// everything typed in them, to hand back when that person signs in again.
@MainActor
struct LockedWork {
    let personID: String
    let screens: [any Screen]
}
