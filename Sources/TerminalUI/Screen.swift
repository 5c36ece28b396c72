/// What a screen asks the application to do after a key or an action.
@MainActor
public enum ScreenResponse {
    /// The screen did not use the key; the action tables get it next.
    case unhandled
    /// Done; redraw.
    case handled
    /// Open another screen on top of this one.
    case push(any Screen)
    /// Close this screen (asking first if it has unsaved changes).
    case pop
    /// Close this screen without asking.
    case popDiscarding
    /// Replace this screen with another.
    case replace(any Screen)
    /// Quit the application (asking first if any screen has unsaved changes).
    case quit
    /// Show a message in the status line until the next key.
    case message(String, MessageKind)
    /// Ask a yes/no question; on yes the closure's response is applied.
    case confirm(Confirmation)
    /// Several responses, carried out in order (close a picker, then show a message).
    case sequence([ScreenResponse])
    /// Replace the whole stack with this screen (after signing in, or signing out).
    case reset(any Screen)
}

/// The tone of a status-line message.
public enum MessageKind: Sendable {
    case info, success, warning, error

    var style: Style {
        switch self {
        case .info: return .normal
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// A yes/no question shown in a dialog over the current screen.
@MainActor
public struct Confirmation {
    public var title: String
    public var message: String
    public var confirmLabel: String
    public var cancelLabel: String
    public var onConfirm: @MainActor () -> ScreenResponse
    /// What answering no does; nil (the usual) does nothing. Esc never runs it.
    public var onDecline: (@MainActor () -> ScreenResponse)?

    public init(title: String, message: String, confirmLabel: String = "Yes", cancelLabel: String = "No",
                onConfirm: @escaping @MainActor () -> ScreenResponse,
                declined onDecline: (@MainActor () -> ScreenResponse)? = nil) {
        self.onDecline = onDecline
        self.title = title; self.message = message
        self.confirmLabel = confirmLabel; self.cancelLabel = cancelLabel
        self.onConfirm = onConfirm
    }
}

/// One screen of an application: it draws itself from state and turns keys into responses.
/// Each screen is a draw function plus a key function, in the manner of ncdu.
@MainActor
public protocol Screen: AnyObject {
    /// The screen's name in the breadcrumb.
    var title: String { get }
    /// What the user can do here, its widgets' actions included (a list's `/` filter, a text
    /// field's typing). Merged by key with the application's global actions: every key goes
    /// through this table first.
    var actions: ActionTable { get }
    /// A paragraph about this screen for the help overlay.
    var helpText: String { get }
    /// True while there is typed work that leaving would lose.
    var hasUnsavedChanges: Bool { get }
    /// A short note for the status line when there is no message ("Draft saved"); nil for none.
    var statusNote: String? { get }
    /// Draws the screen's content into `rect`; set `canvas.cursor` to show a cursor.
    func draw(into canvas: inout Canvas, rect: Rect)
    /// Gets typed text (the keys the table's typing action takes) and keys no action binds.
    func handle(key: Key) -> ScreenResponse
    /// Carries out one of the screen's actions (its widgets' too).
    func perform(_ action: ActionID) -> ScreenResponse
    /// Called when the screen comes to the top of the stack again: refresh from state.
    func willAppear()
    /// Called when the state changed under the screen while it was showing (another session's
    /// change, noticed by the application's tick): refresh from state, and say so if work being
    /// edited here is now out of date. The default refreshes as ``willAppear()`` does.
    func stateDidChange()
    /// Called before the application ends for a signal or a closed terminal, and before the
    /// idle lock: keep drafts.
    func preserveWork()
    /// Called when typing has paused for about half a second: save drafts now (one save per
    /// pause, so typing and pasting never wait on the disk key by key).
    func typingPaused()
    /// Text pasted in one go: insert it as one edit. The default returns `.unhandled`, and the
    /// application then types its characters as keys.
    func handle(paste text: String) -> ScreenResponse
    /// Called once on the root screen after the application's first frame is on the terminal:
    /// slow work a screen can show later (a summary of a large store) goes here, so the first
    /// frame comes quickly. Return true to have the screen drawn again.
    func didPresentFirstFrame() -> Bool
}

extension Screen {
    public var helpText: String { "" }
    public var hasUnsavedChanges: Bool { false }
    public var statusNote: String? { nil }
    public func handle(key: Key) -> ScreenResponse { .unhandled }
    public func willAppear() {}
    public func stateDidChange() { willAppear() }
    public func preserveWork() {}
    public func typingPaused() {}
    public func handle(paste text: String) -> ScreenResponse { .unhandled }
    public func didPresentFirstFrame() -> Bool { false }
}
