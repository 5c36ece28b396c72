#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The signal side of the terminal's life, in the manner of htop's CRT.c.
///
/// - SIGINT, SIGTERM and SIGHUP only set a flag. `CursesTerminal.nextEvent` sees it within a
///   fraction of a second and reports `.endOfInput`, so the application saves drafts and leaves
///   through its normal path; the executable then exits with `128 + signal`. A second such
///   signal before the program has finished restores the terminal and dies at once.
/// - Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE; Swift traps are SIGILL or
///   SIGTRAP) call the restore handler (`endwin`) and write the farewell bytes (a clear of a screen
///   with no alternate screen, so no record is left on it), write one line to standard error, then
///   put back the handler that was there before `install` and re-raise the signal, as htop's
///   CRT.c does: a handler installed earlier (a sanitizer's, a crash reporter's) still runs, and
///   with none the default action gives the usual exit status and core dump. They run on an
///   alternate stack, so a stack overflow is caught too.
///
/// No drawing happens in a handler. This file makes no curses call: the backend registers
/// `restoreHandler` while curses owns the screen.
public enum TerminalLifecycle {
    /// Signals that ask the program to finish: handled by saving and exiting normally.
    public static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals that mean the program is broken: the terminal is restored and the signal re-raised.
    public static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// The termination signal received, if any. Read it after the run loop to exit with 128 + signal.
    public static var receivedTerminationSignal: Int32? {
        let value = pendingSignal.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// The exit status for a termination signal, as shells report it: 128 + signal.
    public static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    /// Installs the handlers (once; later calls do nothing until `uninstall`). `programName` is
    /// used in the line written after a crash.
    public static func install(programName: String = TerminalCheck.defaultProgramName) {
        guard !installed else { return }
        installed = true
        prepareCrashMessages(programName: programName)
        installAlternateStack()
        for signal in terminationSignals { previousActions[signal] = setHandler(onTermination, for: signal, flags: 0) }
        for signal in crashSignals {
            let previous = setHandler(onCrash, for: signal, flags: Int32(bitPattern: UInt32(SA_ONSTACK) | UInt32(SA_NODEFER) | UInt32(SA_RESETHAND)))
            previousActions[signal] = previous
            replacedCrashActions[Int(signal)] = previous
        }
    }

    /// Puts back the handlers that were there before `install` (for tests, and for a program that
    /// gives the terminal back for good).
    public static func uninstall() {
        guard installed else { return }
        for (signal, action) in previousActions {
            var old = action
            sigaction(signal, &old, nil)
        }
        previousActions = [:]
        installed = false
    }

    /// True while the handlers are installed.
    public static var isInstalled: Bool { installed }

    /// Sets the function that gives the terminal back to the shell after a crash signal (the
    /// backend passes one that calls `endwin`); nil when no screen is up.
    public static func setRestoreHandler(_ handler: (@convention(c) () -> Void)?) {
        restoreHandler = handler
    }

    /// Sets the bytes written to standard output after the restore handler (bracketed paste off,
    /// and a clear of the screen where the terminal has no alternate screen), prepared in
    /// advance because a handler must not allocate.
    public static func setFarewellBytes(_ bytes: [UInt8]) {
        farewellBytes = bytes
    }

    /// Forgets a received termination signal (for tests).
    static func resetReceivedSignal() { pendingSignal.store(0, ordering: .releasing) }

    // MARK: Internals

    // Written only on the main thread outside signal handlers; read from handlers.
    nonisolated(unsafe) private static var installed = false
    nonisolated(unsafe) private static var previousActions: [Int32: sigaction] = [:]
    nonisolated(unsafe) fileprivate static var restoreHandler: (@convention(c) () -> Void)?
    nonisolated(unsafe) fileprivate static var crashMessages: [Int32: [UInt8]] = [:]
    nonisolated(unsafe) fileprivate static var farewellBytes: [UInt8] = []
    nonisolated(unsafe) private static var alternateStack: UnsafeMutableRawPointer?
    /// The action each crash signal had before `install`, by signal number: a fixed buffer, so
    /// the handler reads it without touching a dictionary.
    nonisolated(unsafe) fileprivate static let replacedCrashActions: UnsafeMutablePointer<sigaction> = {
        let buffer = UnsafeMutablePointer<sigaction>.allocate(capacity: crashActionSlots)
        buffer.initialize(repeating: sigaction(), count: crashActionSlots)
        return buffer
    }()
    fileprivate static let crashActionSlots = 65
    fileprivate static let pendingSignal = Atomic<Int32>(0)

    private static func setHandler(_ handler: @convention(c) (Int32) -> Void, for signal: Int32, flags: Int32) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        action.sa_flags = flags
        sigemptyset(&action.sa_mask)
        var old = sigaction()
        sigaction(signal, &action, &old)
        return old
    }

    private static func installAlternateStack() {
        guard alternateStack == nil else { return }
        let size = 256 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) == 0 { alternateStack = memory } else { free(memory) }
    }

    /// Builds each crash line in advance: a handler must not allocate.
    private static func prepareCrashMessages(programName: String) {
        var messages: [Int32: [UInt8]] = [:]
        for signal in crashSignals {
            let name = strsignal(signal).map { String(cString: $0) } ?? "signal \(signal)"
            messages[signal] = Array("\r\n\(programName) stopped with signal \(signal) (\(name)). The terminal has been restored.\r\n".utf8)
        }
        crashMessages = messages
    }
}

/// SIGINT, SIGTERM, SIGHUP: note the signal; a second one gives up waiting for the program.
private func onTermination(_ number: Int32) {
    if TerminalLifecycle.pendingSignal.compareExchange(expected: 0, desired: number, ordering: .acquiringAndReleasing).exchanged {
        return
    }
    restoreAndSayFarewell()
    signal(number, SIG_DFL)
    raise(number)
}

/// Gives the terminal back from a handler: `endwin`, then the farewell bytes (a clear of a
/// terminal with no alternate screen), once.
private func restoreAndSayFarewell() {
    guard let restore = TerminalLifecycle.restoreHandler else { return }
    TerminalLifecycle.restoreHandler = nil
    restore()
    TerminalLifecycle.farewellBytes.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

/// Crash signals: restore the terminal, say so on standard error, then chain to the handler this
/// one replaced (htop's CRT.c does the same): put it back and re-raise. If it cannot be put back,
/// or it returns (it ignores the signal), die with the default action rather than loop.
private func onCrash(_ number: Int32) {
    restoreAndSayFarewell()
    if let message = TerminalLifecycle.crashMessages[number] {
        message.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
    if number >= 0, Int(number) < TerminalLifecycle.crashActionSlots,
       sigaction(number, TerminalLifecycle.replacedCrashActions + Int(number), nil) == 0 {
        raise(number)
    }
    signal(number, SIG_DFL)
    raise(number)
}
