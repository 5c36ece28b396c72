/// Why the program cannot run its full-screen interface here: a user-facing error whose
/// `description` says what is wrong and what to do instead. Found before any curses call.
public struct TerminalUnavailable: Error, CustomStringConvertible, Equatable, Sendable {
    /// What exactly is missing.
    public enum Reason: Equatable, Sendable {
        case standardInputNotATerminal
        case standardOutputNotATerminal
        /// `TERM` is unset or empty.
        case terminalTypeNotSet
        /// terminfo has no entry for this `TERM` (or it is a generic type).
        case unknownTerminalType(String)
        /// No terminfo database could be found at all.
        case noTerminfoDatabase(String)
        /// A hardcopy (printing) terminal.
        case hardcopyTerminal(String)
        /// The terminal cannot move the cursor (no `cup` capability), as with `TERM=dumb`.
        case cannotAddressCursor(String)
        /// curses itself refused to start.
        case initialisationFailed(String)
    }

    public var reason: Reason
    /// The program named in the message ("esafety").
    public var programName: String

    public init(_ reason: Reason, programName: String) {
        self.reason = reason
        self.programName = programName
    }

    public var description: String {
        let instead = "Run it in a terminal window, or use the \(programName) subcommands (\(programName) --help) for scripts."
        switch reason {
        case .standardInputNotATerminal:
            return "\(programName) needs a terminal: standard input is not a terminal. \(instead)"
        case .standardOutputNotATerminal:
            return "\(programName) needs a terminal: standard output is not a terminal. \(instead)"
        case .terminalTypeNotSet:
            return "\(programName) needs a terminal: TERM is not set, so the terminal type is unknown. "
                + "Set it (for example TERM=xterm-256color), or use the \(programName) subcommands (\(programName) --help) for scripts."
        case .unknownTerminalType(let term):
            return "\(programName) does not know the terminal type \"\(term)\" (TERM=\(term)): terminfo has no entry for it. "
                + "Set TERM to a known type (for example TERM=xterm-256color), or use the \(programName) subcommands (\(programName) --help) for scripts."
        case .noTerminfoDatabase(let term):
            return "\(programName) cannot look up the terminal type \"\(term)\": no terminfo database was found. "
                + "Install ncurses-base (or set TERMINFO), or use the \(programName) subcommands (\(programName) --help) for scripts."
        case .hardcopyTerminal(let term):
            return "\(programName) needs a screen terminal: TERM=\(term) is a hardcopy terminal. \(instead)"
        case .cannotAddressCursor(let term):
            return "\(programName) needs a terminal that can move the cursor, and TERM=\(term) cannot. "
                + "Set TERM to your terminal's real type (for example TERM=xterm-256color), or use the \(programName) subcommands (\(programName) --help) for scripts."
        case .initialisationFailed(let term):
            return "\(programName) could not start the terminal (TERM=\(term)). \(instead)"
        }
    }
}
