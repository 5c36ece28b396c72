// The reading half of the ncurses backend: keys, escape sequences and bracketed paste.
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesTerminal {
    /// How long a paste may pause between two characters before esafety stops waiting for its
    /// closing bracket and inserts what came.
    static let pastePauseMilliseconds: Int32 = 1000

    /// Binds the sequences of `KeySequences.extra` that terminfo leaves unbound for this TERM, as
    /// htop's CRT.c does with `define_key`. Returns how many were added.
    @discardableResult
    func defineExtraKeys() -> Int {
        var added = 0
        for (sequence, code) in KeySequences.extra where key_defined(sequence) == 0 {
            if define_key(sequence, code) == OK { added += 1 }
        }
        return added
    }

    /// The function keys the terminal type has (terminfo's kf1-kf12, less the vt100 keypad's).
    static func availableFunctionKeys(term: String) -> Set<Int> {
        KeySequences.functionKeys(term: term) { name in
            guard let value = tigetstr(name) else { return false }
            return Int(bitPattern: value) != -1
        }
    }

    /// A key or paste already typed, read without waiting; nil when none is (or only a timeout).
    public func nextWaitingEvent() -> InputEvent? {
        let event = nextEvent(timeoutMilliseconds: 0)
        if case .timeout = event { return nil }
        return event
    }

    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent {
        guard !isShutDown, !lostTerminal, let screen, let window else { return .endOfInput }
        _ = set_term(screen)
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        while true {
            if TerminalLifecycle.receivedTerminationSignal != nil { return .endOfInput }
            var slice = Self.signalCheckIntervalMilliseconds
            if let deadline {
                let remaining = clock.now.duration(to: deadline)
                let milliseconds = Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000)
                slice = max(0, min(slice, milliseconds))
            }
            let started = clock.now
            if let input = read(window, waiting: Int32(slice)) {
                immediateFailures = 0
                if let event = event(for: input, window: window) { return event }
                continue
            }
            // ERR: a timeout, a signal, or a terminal that has gone.
            if TerminalLifecycle.receivedTerminationSignal != nil { return .endOfInput }
            if slice >= 10, clock.now - started < .milliseconds(slice / 2) {
                immediateFailures += 1
                if immediateFailures >= Self.immediateFailureLimit {
                    lostTerminal = true
                    return .endOfInput
                }
            } else {
                immediateFailures = 0
            }
            if let deadline, clock.now >= deadline { return .timeout }
        }
    }

    /// One `get_wch`, waiting up to `milliseconds`; nil on ERR.
    private func read(_ window: UnsafeMutablePointer<WINDOW>, waiting milliseconds: Int32) -> CursesInput? {
        wtimeout(window, milliseconds)
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        if status == OK { return .character(UInt32(character)) }
        if status == KEY_CODE_YES { return .keyCode(Int32(bitPattern: UInt32(character))) }
        return nil
    }

    /// The event for one input, or nil for input with no meaning (read on).
    private func event(for input: CursesInput, window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        if input == .keyCode(KeySequences.pasteStartCode) { return .paste(readPaste(window)) }
        if input == .keyCode(KeySequences.pasteEndCode) { return nil }
        if input == .character(0x1B) { return afterEscape(window) }
        switch CursesKeyDecoder.decode(input) {
        case .key(let key):
            return .key(key)
        case .resize:
            needsRepaint = true
            return .resize(size)
        case .ignored:
            // An extended capability (a modified arrow, say): the key it modifies, if any.
            guard case .keyCode(let code) = input, code > KEY_MAX, let name = keyname(code) else { return nil }
            return KeySequences.key(forExtendedName: String(cString: name)).map { .key($0) }
        }
    }

    /// An Esc that ncurses did not match to a key: a lone Esc, or the start of a sequence that
    /// no table knows, which is read to its end and ignored whole (see `UnknownSequence`).
    private func afterEscape(_ window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        let delay = max(1, get_escdelay())
        var keyCodeAfter: Int32?
        let outcome = UnknownSequence.read {
            guard keyCodeAfter == nil, let input = read(window, waiting: delay) else { return nil }
            switch input {
            case .character(let value): return value
            case .keyCode(let code): keyCodeAfter = code; return nil
            }
        }
        switch outcome {
        case .loneEscape:
            return .key(.escape)
        case .escapeThenEscape:
            _ = unget_wch(wchar_t(0x1B))
            return .key(.escape)
        case .alt(let letter):
            return .key(.alt(letter))
        case .swallowed:
            // Alt with a key terminfo knows (Alt-↑ as Esc then ↑ on some terminals): the key.
            if let keyCodeAfter, case .key(let key) = CursesKeyDecoder.decode(.keyCode(keyCodeAfter)) { return .key(key) }
            return nil
        }
    }

    /// The text between the paste brackets. Carriage returns become newlines; keys decoded
    /// inside a paste are dropped; a paste whose closing bracket never comes ends after a pause.
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasReturn = false
        while let input = read(window, waiting: Self.pastePauseMilliseconds) {
            guard case .character(let value) = input else {
                if input == .keyCode(KeySequences.pasteEndCode) { break }
                continue
            }
            defer { previousWasReturn = value == 0x0D }
            if value == 0x0A && previousWasReturn { continue }  // CR LF is one newline
            if value == 0x0D { scalars.append("\n"); continue }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
