import ESafetyCore
import TerminalUI

/// What every screen needs: the open workspace and the help texts. Screens read state from the
/// workspace and change it only through the workspace's methods.
@MainActor
public final class AppContext {
    public let workspace: Workspace
    /// Shows the progress of long work at once (set by the application).
    public var progress: (@MainActor (_ title: String, _ done: Int, _ total: Int) -> Void)?
    private let helpTexts: [String: String]

    public init(workspace: Workspace) {
        self.workspace = workspace
        self.helpTexts = (try? DefaultResources.decode([String: String].self, from: "help/screens.json")) ?? [:]
    }

    /// The help paragraph for a screen, from `Resources/help/screens.json`.
    public func help(_ key: String) -> String { helpTexts[key] ?? "" }

    /// Runs a change and turns a refusal into a status-line message; nil when it failed.
    public func attempt<T>(_ change: () throws -> T) -> Result<T, ScreenMessage> {
        do {
            return .success(try change())
        } catch {
            return .failure(ScreenMessage(text: String(describing: error)))
        }
    }
}

/// An error turned into words for the status line.
public struct ScreenMessage: Error {
    public var text: String
    public var response: ScreenResponse { .message(text, .error) }
}
