import ESafetyCore
import TerminalUI

/// Builds the esafety application: the home screen on a terminal, with the status line showing
/// who changes are recorded as.
@MainActor
public enum ESafetyApplication {
    /// - Parameter deferDashboard: draw the first frame before the home dashboard's summaries are
    ///   worked out (they follow in the next frame); the real app does, so it starts quickly on a
    ///   large store.
    public static func make(terminal: any Terminal, workspace: Workspace, deferDashboard: Bool = false) -> Application {
        let context = AppContext(workspace: workspace)
        let app = Application(name: "esafety", terminal: terminal, root: HomeScreen(context: context, deferDashboard: deferDashboard))
        app.statusText = {
            let access = workspace.store.access == .readOnly ? "READ-ONLY · " : ""
            return access + workspace.actor.name
        }
        return app
    }
}
