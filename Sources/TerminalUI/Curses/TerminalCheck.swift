#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The facts `TerminalCheck` looks at, gathered from the process by default and injectable so the
/// refusals can be tested without a terminal.
public struct TerminalProbe: Sendable {
    /// How terminfo answers for a terminal type.
    public enum TerminfoAnswer: Sendable, Equatable {
        case usable
        case unknown
        case noDatabase
        case hardcopy
        case cannotAddressCursor
    }

    public var standardInputIsTerminal: Bool
    public var standardOutputIsTerminal: Bool
    /// Looks a `TERM` value up in terminfo (without initialising curses or exiting).
    public var lookUp: @Sendable (String) -> TerminfoAnswer

    public init(standardInputIsTerminal: Bool, standardOutputIsTerminal: Bool,
                lookUp: @escaping @Sendable (String) -> TerminfoAnswer) {
        self.standardInputIsTerminal = standardInputIsTerminal
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.lookUp = lookUp
    }

    /// This process: `isatty` on descriptors 0 and 1, and the real terminfo database.
    public static var process: TerminalProbe {
        TerminalProbe(standardInputIsTerminal: isatty(STDIN_FILENO) == 1,
                      standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1,
                      lookUp: { CursesTerminal.lookUpTerminfo($0) })
    }
}

/// Decides, before any curses call, whether a full-screen interface can run here. Without it,
/// `initscr` exits the process on an unknown `TERM`, and without a TTY `get_wch` spins for ever.
public enum TerminalCheck {
    /// The name used in messages: the executable's file name.
    public static var defaultProgramName: String {
        guard let path = CommandLine.arguments.first, !path.isEmpty else { return "esafety" }
        return String(path.split(separator: "/").last ?? Substring(path))
    }

    /// Refuses, with a message saying what to do instead, when standard input or output is not a
    /// terminal, when `TERM` is unset or unknown to terminfo, or when the terminal cannot address
    /// the cursor.
    public static func verify(environment: [String: String],
                              programName: String = defaultProgramName,
                              probe: TerminalProbe = .process) -> Result<Void, TerminalUnavailable> {
        func refuse(_ reason: TerminalUnavailable.Reason) -> Result<Void, TerminalUnavailable> {
            .failure(TerminalUnavailable(reason, programName: programName))
        }
        guard probe.standardInputIsTerminal else { return refuse(.standardInputNotATerminal) }
        guard probe.standardOutputIsTerminal else { return refuse(.standardOutputNotATerminal) }
        guard let term = environment["TERM"], !term.isEmpty else { return refuse(.terminalTypeNotSet) }
        switch probe.lookUp(term) {
        case .usable: return .success(())
        case .unknown: return refuse(.unknownTerminalType(term))
        case .noDatabase: return refuse(.noTerminfoDatabase(term))
        case .hardcopy: return refuse(.hardcopyTerminal(term))
        case .cannotAddressCursor: return refuse(.cannotAddressCursor(term))
        }
    }
}
