/// Runs a stack of screens on a terminal: the breadcrumb line at the top, the screen in the
/// middle, a status line and the function-key bar at the bottom; help, confirmation dialogs,
/// "terminal too small", resizes and the idle timeout are handled here once for every screen.
@MainActor
public final class Application {
    /// The smallest terminal the application draws on; below it, it says so instead.
    public var minimumSize = Size(width: 60, height: 16)
    /// The name shown at the left of the top line.
    public var name: String
    /// Text shown at the right of the top line (who is signed in, for instance).
    public var statusText: @MainActor () -> String = { "" }
    /// A shorter form of `statusText`, shown when the whole one does not fit in half the top
    /// line (a name without its level, say); nil to shorten `statusText` by words.
    public var compactStatusText: (@MainActor () -> String)?
    /// Draw boxes, bars and arrows in plain ASCII (`Canvas.useASCIIStandIns()`), for `--ascii`
    /// and terminals without line drawing.
    public var asciiOnly = false
    /// Milliseconds without a key after which `onIdle` is called; nil for never.
    public var idleTimeoutMilliseconds: Int?
    /// Called after the idle timeout, once every screen has kept its work, with the stack of
    /// screens as it was; may return a screen that replaces the whole stack (a lock screen,
    /// which can hand the kept stack back after signing in again), so nothing sensitive stays
    /// on display. The terminal is cleared before the lock screen is drawn.
    public var onIdle: (@MainActor (_ kept: [any Screen]) -> (any Screen)?)?
    /// Milliseconds without a key after typing before each screen's `typingPaused()` is called
    /// (where forms save their drafts): one save per pause, never one per key.
    public var typingPauseMilliseconds = 500
    /// Milliseconds between ticks while waiting for a key; nil for none.
    public var tickMilliseconds: Int?
    /// Called at each tick: returns whether the state changed (the screens then refresh and
    /// the terminal is redrawn, with no key pressed), and a message to show, if any.
    public var onTick: (@MainActor () -> (changed: Bool, message: (String, MessageKind)?))?

    public private(set) var stack: [any Screen]
    public private(set) var isRunning = false
    let terminal: any Terminal
    var overlay: Overlay?
    var message: (text: String, kind: MessageKind)?
    /// True from a key or paste until the screens have been told typing paused.
    private var typingPending = false

    enum Overlay {
        case help(HelpOverlay)
        case confirm(Confirmation, ConfirmDialog)
    }

    /// The actions every screen has: help, back and quit.
    public static let globalActions = ActionTable([
        Action(.help, keys: [.function(1), .character("?"), .control("g")], label: "Help", help: "Show the keys of this screen", inBar: true),
        Action(.back, keys: [.escape], label: "Back", help: "Go back to the previous screen (asks before discarding changes)", inBar: true),
        Action(.quit, keys: [.function(10), .control("c")], label: "Quit", help: "Quit esafety from anywhere (asks before discarding changes)", inBar: true),
        Action(.redraw, keys: [.control("l")], label: "Redraw", help: "Redraw the whole screen"),
    ])

    public init(name: String, terminal: any Terminal, root: any Screen) {
        self.name = name
        self.terminal = terminal
        self.stack = [root]
    }

    /// The screen on top of the stack.
    public var top: any Screen { stack[stack.count - 1] }

    /// The breadcrumb: each screen's title from the root to the top.
    public var breadcrumb: String { stack.map(\.title).joined(separator: " › ") }

    /// The breadcrumb cut to a width: leading screens give way to "…" first, so the screen you
    /// are on stays readable.
    public func fittedBreadcrumb(width: Int) -> String {
        var titles = stack.map(\.title)
        var text = titles.joined(separator: " › ")
        while DisplayWidth.of(text) > width && titles.count > 1 {
            titles.removeFirst()
            text = (["…"] + titles).joined(separator: " › ")
        }
        return DisplayWidth.truncate(text, to: max(0, width))
    }

    /// The actions in force on the top screen: its own, then the global ones.
    public var currentActions: ActionTable { top.actions.merged(with: Self.globalActions) }

    /// Runs until the user quits or the input ends.
    public func run() {
        isRunning = true
        render()
        if top.didPresentFirstFrame() { render() }
        let clock = ContinuousClock()
        var lastInput = clock.now
        func idleLeft() -> Int? {
            idleTimeoutMilliseconds.map { idle in
                let elapsed = clock.now - lastInput
                return idle - Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            }
        }
        func pauseLeft() -> Int? {
            guard typingPending else { return nil }
            let elapsed = clock.now - lastInput
            return typingPauseMilliseconds - Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        while isRunning {
            let left = idleLeft()
            let wait = [left.map { max(0, $0) }, tickMilliseconds, pauseLeft().map { max(0, $0) }].compactMap { $0 }.min()
            let event = (left ?? 1) <= 0 ? .timeout : terminal.nextEvent(timeoutMilliseconds: wait)
            if case .timeout = event {
                if let pause = pauseLeft(), pause <= 0 {
                    typingDidPause()
                    render()  // "Draft saved"
                    if idleLeft().map({ $0 > 0 }) ?? true { continue }
                }
                if let left = idleLeft(), left <= 0 {
                    process(.timeout)  // idle: keep everyone's work, lock
                    lastInput = clock.now
                    if isRunning { render() }
                } else if tick() {
                    render()
                }
                continue
            }
            lastInput = clock.now
            process(event)
            // Keys already waiting are handled before the next frame, for at most a frame's
            // time, so that a burst of typing is drawn once and the screen still moves on.
            let burstStart = clock.now
            while isRunning, clock.now - burstStart < Self.burstDuration, let waiting = terminal.nextWaitingEvent() {
                process(waiting)
                lastInput = clock.now
            }
            if isRunning { render() }
        }
    }

    /// How long keys already waiting are handled before a frame is drawn anyway.
    static let burstDuration: Duration = .milliseconds(50)

    /// One tick: asks `onTick` whether the state changed, and if it did, has the top screen
    /// refresh. Returns whether anything is to be redrawn. Exposed so tests can drive it.
    @discardableResult
    public func tick() -> Bool {
        guard let outcome = onTick?() else { return false }
        if let (text, kind) = outcome.message { message = (text, kind) }
        if outcome.changed { top.stateDidChange() }
        return outcome.changed || outcome.message != nil
    }

    /// Handles one event; exposed so tests can drive the application a step at a time.
    public func process(_ event: InputEvent) {
        switch event {
        case .key(let key):
            message = nil
            typingPending = true
            handle(key)
        case .paste(let text):
            message = nil
            typingPending = true
            handle(paste: text)
        case .resize:
            break
        case .timeout:
            guard let onIdle else { break }
            typingPending = false
            for screen in stack.reversed() { screen.preserveWork() }
            if let screen = onIdle(stack) {
                reset(to: screen)
                terminal.forceFullRedraw()
            }
        case .endOfInput:
            preserveWorkAndStop()
        }
    }

    /// Tells every screen that typing paused (they save drafts now); exposed for tests.
    public func typingDidPause() {
        typingPending = false
        for screen in stack.reversed() { screen.typingPaused() }
    }

    /// Asks every screen to keep its drafts and stops the loop (for signals and lost terminals).
    public func preserveWorkAndStop() {
        for screen in stack.reversed() { screen.preserveWork() }
        isRunning = false
    }

    /// Shows long work's progress at once, over the current screen, while the work runs on (an
    /// import of thousands of rows). Redraws only when the whole percentage changes.
    public func showProgress(title: String, done: Int, total: Int) {
        let progress = ProgressOverlay(title: title, done: done, total: total)
        guard progress.percent != lastProgressPercent || done == 0 else { return }
        lastProgressPercent = progress.percent
        var canvas = draw()
        progress.draw(into: &canvas, rect: canvas.bounds.inset(top: 1, bottom: 2))
        if asciiOnly { canvas.useASCIIStandIns() }
        terminal.present(canvas)
    }

    private var lastProgressPercent = -1

    /// Replaces the whole stack with one screen (signing out, locking), closing any dialog.
    public func reset(to screen: any Screen) {
        overlay = nil
        message = nil
        stack = [screen]
        screen.willAppear()
    }

    /// Pushes a screen on top, outside of a key press.
    public func push(_ screen: any Screen) {
        stack.append(screen)
        screen.willAppear()
    }

    // MARK: Keys

    /// One path from key to action: the table in force (the screen's own, its widgets', then
    /// the application's) names the action; typed text, the keys of an action that goes by key
    /// (`Action.byKey`) and keys no action binds go to the screen's `handle(key:)`.
    private func handle(_ key: Key) {
        // Ctrl-L repaints over a dialog and below the minimum size too.
        if overlay != nil || isTooSmall, Self.globalActions.action(for: key)?.id == .redraw { terminal.forceFullRedraw() }
        if let overlay {
            handleOverlay(overlay, key: key)
            return
        }
        if isTooSmall {
            if let action = Self.globalActions.action(for: key), action.id == .quit { apply(.quit) }
            return
        }
        guard let action = currentActions.action(for: key), !action.takesText, !action.goesByKey else {
            apply(top.handle(key: key))
            return
        }
        if top.actions.contains(action.id) {
            apply(top.perform(action.id))
        } else {
            performGlobal(action.id)
        }
    }

    /// A paste goes to the top screen as one edit. A screen with no use for it gets its
    /// characters as keys, with newlines and tabs as spaces (so a paste never presses Enter).
    private func handle(paste text: String) {
        if overlay != nil || isTooSmall { return }
        let response = top.handle(paste: text)
        if case .unhandled = response {
            for character in text {
                let typed: Character = character.isNewline || character == "\t" ? " " : character
                if case .unhandled = top.handle(key: .character(typed)) { continue }
            }
        } else {
            apply(response)
        }
    }

    private func handleOverlay(_ overlay: Overlay, key: Key) {
        switch overlay {
        case .help(var help):
            // Quitting works from anywhere, help included.
            if let action = Self.globalActions.action(for: key), action.id == .quit {
                self.overlay = nil
                apply(.quit)
                return
            }
            self.overlay = help.handle(key) == .close ? nil : .help(help)
        case .confirm(let confirmation, var dialog):
            switch dialog.handle(key) {
            case .confirmed:
                self.overlay = nil
                apply(confirmation.onConfirm())
            case .declined:
                self.overlay = nil
                if let onDecline = confirmation.onDecline { apply(onDecline()) }
            case .cancelled:
                self.overlay = nil
            case .pending:
                self.overlay = .confirm(confirmation, dialog)
            }
        }
    }

    private func performGlobal(_ id: ActionID) {
        switch id {
        case .help:
            overlay = .help(HelpOverlay(title: "Help: " + top.title, text: top.helpText, table: currentActions))
        case .back:
            apply(.pop)
        case .quit:
            apply(.quit)
        default:
            break
        }
    }

    /// Carries out a screen's response.
    public func apply(_ response: ScreenResponse) {
        switch response {
        case .unhandled, .handled:
            break
        case .push(let screen):
            push(screen)
        case .pop:
            guard stack.count > 1 else {
                message = ("This is the first screen. Press F10 to quit.", .info)
                return
            }
            if top.hasUnsavedChanges {
                ask(Confirmation(title: "Discard changes?", message: "\(top.title) has changes that are not saved. Leave and discard them?",
                                 confirmLabel: "Discard", cancelLabel: "Stay") { .popDiscarding })
            } else {
                apply(.popDiscarding)
            }
        case .popDiscarding:
            guard stack.count > 1 else { return }
            stack.removeLast()
            top.willAppear()
        case .replace(let screen):
            stack[stack.count - 1] = screen
            screen.willAppear()
        case .quit:
            if stack.contains(where: { $0.hasUnsavedChanges }) {
                ask(Confirmation(title: "Quit?", message: "There are changes that are not saved. Quit and discard them?",
                                 confirmLabel: "Quit", cancelLabel: "Stay") { [weak self] in
                    self?.isRunning = false
                    return .handled
                })
            } else {
                isRunning = false
            }
        case .message(let text, let kind):
            message = (text, kind)
        case .confirm(let confirmation):
            ask(confirmation)
        case .sequence(let responses):
            for response in responses { apply(response) }
        case .reset(let screen):
            reset(to: screen)
        }
    }

    private func ask(_ confirmation: Confirmation) {
        overlay = .confirm(confirmation, ConfirmDialog(title: confirmation.title, message: confirmation.message,
                                                        confirmLabel: confirmation.confirmLabel, cancelLabel: confirmation.cancelLabel))
    }

    private func render() { terminal.present(draw()) }
}
