import ArgumentParser
import ESafetyCore
import Foundation

/// The options of a command that works on the store as someone signed in (`--store`, `--user`),
/// and the one way such a command opens the store, signs in and closes it again.
struct SessionOptions: ParsableArguments {
    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    /// Opens the store (for writing unless `readOnly`: every step is audited), with today from
    /// ESAFETY_TODAY if set, signs in (unless `signingIn` is false), runs `body` and closes the
    /// store; errors are printed plainly.
    func run<T>(readOnly: Bool = false, signingIn: Bool = true, _ body: (Workspace) throws -> T) throws -> T {
        try StoreOptions.userFacing {
            let now = try TodayOverride.clock()
            if signingIn { signIn.beginEarly(at: options.location) }
            let workspace = try Workspace.open(at: options.location, access: readOnly ? .readOnly : .readWrite, actor: options.actor)
            defer { workspace.store.close() }
            workspace.now = now
            if signingIn { try signIn.signIn(workspace) }
            return try body(workspace)
        }
    }

    /// Prints the records `read` gives, a line each marked when overdue today, or `empty` when
    /// there are none: how the `list` commands of statutory deadlines answer.
    func sayDeadlines<Record: DeadlineListing>(empty: String, _ read: (Workspace) throws -> [Record]) throws {
        let lines = try run { workspace in try read(workspace).map { $0.listed(today: workspace.today) } }
        sayLines(lines, empty: empty)
    }
}

/// Prints each line, or `empty` when there is none: how the `list` commands answer.
func sayLines(_ lines: [String], empty: String) {
    if lines.isEmpty { say(empty) }
    lines.forEach { say($0) }
}
