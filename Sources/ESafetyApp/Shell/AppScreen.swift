import TerminalUI

/// What every screen of the app that reads or acts on the school's data starts from: the app's
/// context (the workspace, the session, the help texts). A screen subclasses it and conforms to
/// `Screen`; its own stored properties are set before `super.init(context:)`.
@MainActor
class AppScreen {
    let context: AppContext

    init(context: AppContext) {
        self.context = context
    }
}
