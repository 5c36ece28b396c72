import ESafetyCore
import Foundation
import TerminalUI

/// Builds the esafety application on a terminal. With no accounts yet it starts with the first
/// run's set-up; otherwise with sign-in (unless a session is already open, as in tests). After
/// the idle timeout it keeps everyone's work, signs out and shows sign-in again, so nothing
/// sensitive stays on a shared screen.
@MainActor
public enum ESafetyApplication {
    /// Five minutes, as the policies' "logged off at the end of any session" asks in practice.
    public nonisolated static let defaultIdleSeconds = 300
    /// How often a running app looks for other sessions' changes.
    public nonisolated static let refreshMilliseconds = 1000

    /// - Parameter requireSignIn: false only for tests of screens on a store that has no
    ///   accounts yet: they start at the home screen instead of the first run's set-up.
    /// - Parameter deferDashboard: draw the first frame before the home dashboard's summaries are
    ///   worked out (they follow in the next frame); the real app does, so it starts quickly on a
    ///   large store.
    public static func make(terminal: any Terminal, workspace: Workspace, idleSeconds: Int? = defaultIdleSeconds,
                            requireSignIn: Bool = true, deferDashboard: Bool = false) -> Application {
        let context = AppContext(workspace: workspace)
        let isSetUp = (try? workspace.accounts().isSetUp) ?? false
        let root: any Screen
        if workspace.session != nil || !isSetUp && (workspace.store.access == .readOnly || !requireSignIn) {
            root = HomeScreen(context: context, deferDashboard: deferDashboard)
        } else if isSetUp {
            root = SignInScreen(context: context)
        } else {
            root = SetUpForm.screen(context: context)
        }
        let app = Application(name: "esafety", terminal: terminal, root: root)
        context.progress = { [weak app] title, done, total in app?.showProgress(title: title, done: done, total: total) }
        app.statusText = {
            let access = workspace.store.access == .readOnly ? "READ-ONLY · " : ""
            guard let session = workspace.session else { return access + "not signed in" }
            return access + "\(session.fullName) (\(session.level.label))"
        }
        app.compactStatusText = {
            let access = workspace.store.access == .readOnly ? "READ-ONLY · " : ""
            return access + (workspace.session?.fullName ?? "not signed in")
        }
        // Other sessions' commits (another terminal, the lead over SSH) show within a second,
        // with no key pressed: one fstat of the audit log a second when nothing has changed.
        app.tickMilliseconds = refreshMilliseconds
        var proven = false
        app.onTick = {
            do {
                let changed = !(try workspace.refresh()).isEmpty  // first: another session's change shows at once
                if !proven {  // the first tick, once the first screen is up: every document against the log
                    proven = true
                    workspace.proveDocuments()
                    if !workspace.documentProblems.isEmpty {
                        return (changed: true, message: ("\(workspace.documentProblems.count) file(s) of the store do not match the audit log: "
                                                         + "esafety will not save over them. Ask an administrator to run esafety check.", .error))
                    }
                }
                return (changed: changed, message: nil)
            } catch {
                return (changed: true, message: (String(describing: error), .error))
            }
        }
        if let idleSeconds, idleSeconds > 0 {
            app.idleTimeoutMilliseconds = idleSeconds * 1000
            app.onIdle = { stack in
                guard let session = workspace.session else { return nil }
                workspace.session = nil
                let minutes = idleSeconds >= 120 ? "\(idleSeconds / 60) minutes" : "\(idleSeconds) seconds"
                return SignInScreen(context: context, notice: "Locked after \(minutes) without a key. Sign in again: unfinished work was kept.",
                                    kept: LockedWork(personID: session.personID, screens: stack))
            }
        }
        return app
    }
}
