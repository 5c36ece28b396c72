import ESafetyCore
import TerminalUI

/// Builds the esafety application: the home screen on a terminal, with the status line showing
/// who changes are recorded as.
@MainActor
public enum ESafetyApplication {
    public static func make(terminal: any Terminal, workspace: Workspace) -> Application {
        let context = AppContext(workspace: workspace)
        let app = Application(name: "esafety", terminal: terminal, root: HomeScreen(context: context))
        app.statusText = {
            let access = workspace.store.access == .readOnly ? "READ-ONLY · " : ""
            return access + workspace.actor.name
        }
        return app
    }
}
