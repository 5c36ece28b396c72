import ArgumentParser
import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI

/// `esafety bench watch --store DIR --name NAME` (hidden): the real application on a terminal
/// that waits as curses does, on the directory's list of people, until a person called NAME
/// (added by another process) is on the screen; then prints `seen` and the monotonic clock.
/// `bench run` times another session's change from its commit to here.
struct BenchWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", shouldDisplay: false)

    @Option var store: String
    @Option var name: String
    @Option var timeout = 30.0

    func run() throws {
        try withBenchStore(store) { workspace in
            try signInAsDemoHead(workspace)
            let terminal = WaitingTerminal(VirtualTerminal(size: Size(width: 100, height: 40)), looking: name, giveUpAfter: timeout)
            let app = ESafetyApplication.make(terminal: terminal, workspace: workspace, idleSeconds: nil, requireSignIn: false)
            for key in ["3", "2"] { app.process(.key(.character(Character(key)))) }
            // "ready" once the app is running as people leave it: its first tick (the opening
            // proof of every document) done, waiting for the next.
            terminal.onSettled = { FileHandle.standardOutput.write(Data("ready\n".utf8)) }
            app.run()
            guard let seen = terminal.seenAt else { throw UserFacingError("\(name) never appeared within \(Int(timeout)) s") }
            print("seen \(seen)")
        }
    }
}

/// A virtual terminal that waits for its timeouts as a real one does (no key is ever pressed),
/// and ends the input once a text is on the screen.
@MainActor
final class WaitingTerminal: Terminal {
    private let inner: VirtualTerminal
    private let text: String
    private let deadline: UInt64
    private(set) var seenAt: UInt64?
    /// Called once, when the app asks for an event after its first tick.
    var onSettled: (() -> Void)?
    private var ticksGiven = 0

    init(_ inner: VirtualTerminal, looking text: String, giveUpAfter seconds: Double) {
        self.inner = inner
        self.text = text
        deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
    }

    var size: Size { inner.size }
    var colorCapability: ColorCapability { inner.colorCapability }
    func present(_ canvas: Canvas) {
        inner.present(canvas)
        if seenAt == nil, inner.text.contains(text) { seenAt = DispatchTime.now().uptimeNanoseconds }
    }
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent {
        if seenAt != nil || DispatchTime.now().uptimeNanoseconds > deadline { return .endOfInput }
        if ticksGiven == 1, let settled = onSettled {
            onSettled = nil
            settled()
        }
        ticksGiven += 1
        usleep(useconds_t(max(1, timeoutMilliseconds ?? 100)) * 1000)
        return .timeout
    }
    func shutdown() { inner.shutdown() }
}
