import ESafetyCore
import TerminalUI

/// What every screen needs: the open workspace and the help texts. Screens read state from the
/// workspace and change it only through the workspace's methods.
@MainActor
public final class AppContext {
    public let workspace: Workspace
    /// Shows the progress of long work at once (set by the application).
    public var progress: (@MainActor (_ title: String, _ done: Int, _ total: Int) -> Void)?

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// The help paragraph for a screen: the one source of help text, every `Resources/help/*.json`
    /// file (`screens.json`, one per area: `aup.json`, `policy.json`) read as one dictionary.
    public func help(_ key: String) -> String { Self.helpTexts[key] ?? "" }

    /// Every help file's paragraphs by key; a key in two files keeps the first file's (in path
    /// order; `HelpTextTests` checks that no key is written twice).
    static let helpTexts: [String: String] = {
        var texts: [String: String] = [:]
        for path in helpFiles {
            let file = (try? DefaultResources.decode([String: String].self, from: path)) ?? [:]
            texts.merge(file) { first, _ in first }
        }
        return texts
    }()

    /// The help files among the package's resources.
    static var helpFiles: [String] {
        DefaultResources.paths.filter { $0.hasPrefix("help/") && $0.hasSuffix(".json") }
    }

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
