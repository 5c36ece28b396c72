/// The escape sequences terminals really send for the keys esafety uses, beyond what their
/// terminfo entries list. The backend passes each one to `define_key` at start-up when terminfo
/// has not already bound it, as htop's CRT.c does, so one table serves every TERM:
///
/// - PuTTY's defaults (`TERM=xterm`, Home `ESC [ 1 ~`, End `ESC [ 4 ~`, F1-F4 `ESC [ 11~`-`14~`),
///   the Linux console (F1-F5 `ESC [ [ A`-`E`), screen and tmux (`ESC [ 1 ~` / `ESC [ 4 ~`);
/// - rxvt and rxvt-unicode (Home `ESC [ 7 ~`, End `ESC [ 8 ~`, F1-F4 `ESC [ 11~`-`14~`);
/// - xterm in either cursor-key mode (`ESC [ A` and `ESC O A`, Home `ESC [ H` / `ESC O H`);
/// - vt100 and vt220: PF1-PF4 (`ESC O P`-`S`) are F1-F4, and the editing keypad of a vt220
///   (`ESC [ 1 ~`-`6 ~`) is Find/Home, Insert, Delete, Select/End, PgUp, PgDn;
/// - bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`), turned on by the backend.
///
/// Pure: no curses calls, so the table can be tested without a terminal.
enum KeySequences {
    /// Key codes of our own for the paste brackets (above ncurses' `KEY_MAX`, 0o777).
    static let pasteStartCode: Int32 = 0o1100
    static let pasteEndCode: Int32 = 0o1101

    typealias Code = CursesKeyDecoder.Code

    /// Each sequence with the curses key code it stands for.
    static let extra: [(sequence: String, code: Int32)] = {
        var table: [(String, Int32)] = []
        func add(_ tail: String, _ code: Int32) { table.append(("\u{1B}" + tail, code)) }
        // Arrows, in normal (CSI) and application (SS3) cursor mode.
        for (letter, code) in [("A", Code.up), ("B", Code.down), ("C", Code.right), ("D", Code.left)] {
            add("[" + letter, code)
            add("O" + letter, code)
        }
        // Home and End as xterm, PuTTY, the console, screen, tmux and rxvt send them.
        for tail in ["[1~", "[7~", "[H", "OH"] { add(tail, Code.home) }
        for tail in ["[4~", "[8~", "[F", "OF"] { add(tail, Code.end) }
        add("[2~", Code.insertCharacter)
        add("[3~", Code.deleteCharacter)
        add("[5~", Code.previousPage)
        add("[6~", Code.nextPage)
        // Shift-Tab: xterm and most others; the Linux console sends Esc Tab.
        add("[Z", Code.backTab)
        add("\t", Code.backTab)
        // F1-F4: PF1-PF4 (xterm, vt100, vt220), the vt220 style of PuTTY and rxvt, the console.
        for (index, letter) in ["P", "Q", "R", "S"].enumerated() {
            add("O" + letter, Code.function(index + 1))
            add("[" + String(11 + index) + "~", Code.function(index + 1))
        }
        for (index, letter) in ["A", "B", "C", "D", "E"].enumerated() { add("[[" + letter, Code.function(index + 1)) }
        // F5-F12, the same on every terminal that has them.
        for (number, parameter) in [(5, 15), (6, 17), (7, 18), (8, 19), (9, 20), (10, 21), (11, 23), (12, 24)] {
            add("[" + String(parameter) + "~", Code.function(number))
        }
        add("[200~", pasteStartCode)
        add("[201~", pasteEndCode)
        return table
    }()

    /// The key an extended terminfo capability stands for, by its name: a modified arrow or
    /// editing key (`kUP5` is Ctrl-↑, `kDC3` Alt-Del; rxvt lists `ESC O A` as `kUP6`) acts as
    /// the key itself, and `kcbt2` (the console's second Shift-Tab) as Shift-Tab. Nil for others.
    static func key(forExtendedName name: String) -> Key? {
        let bases: [(String, Key)] = [("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home),
                                      ("kEND", .end), ("kDC", .delete), ("kIC", .insert), ("kNXT", .pageDown),
                                      ("kPRV", .pageUp), ("kcbt", .backTab)]
        for (prefix, key) in bases where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if rest.allSatisfy(\.isNumber) { return key }
        }
        return nil
    }

    /// Terminal types whose terminfo lists kf5-kf10 for keys of the numeric keypad, not for
    /// function keys: they have only PF1-PF4.
    static let keypadOnlyFamilies = ["vt52", "vt100", "vt102", "vt125", "vt131"]

    /// The function keys a terminal type really has, from the `kf1`…`kf12` capabilities terminfo
    /// lists (`hasCapability`), less those the vt100 family's keypad fakes.
    static func functionKeys(term: String, hasCapability: (String) -> Bool) -> Set<Int> {
        var keys = Set((1...12).filter { hasCapability("kf\($0)") })
        let family = term.split(separator: "-").first.map(String.init) ?? term
        if keypadOnlyFamilies.contains(family) { keys.subtract(5...12) }
        return keys
    }
}

/// Reads past an escape sequence nobody knows, so its bytes are not taken for Esc and letters.
///
/// After ESC, the next input decides: nothing within the wait means a lone Esc; `[` starts a
/// control sequence, read up to its final byte (`@` to `~`, or rxvt's `$`; the Linux console's
/// `[ [ A` form too); `O` starts a single-shift sequence of one more byte; a letter is an Alt
/// chord (Alt-B); anything else is ignored. Pure: the backend supplies `next`, which returns
/// the next character within the escape delay, or nil.
enum UnknownSequence {
    /// The most bytes read for one sequence, so a stream of garbage cannot hold the keyboard.
    static let longest = 32

    /// What followed an Esc.
    enum Outcome: Equatable {
        /// Nothing came: the user pressed Esc.
        case loneEscape
        /// A sequence (or an Alt chord) was read and is to be ignored whole.
        case swallowed(String)
        /// Another Esc came straight after: report one Esc, and read the other as a new key.
        case escapeThenEscape
        /// Alt with a letter (lower case), as terminals send it: Esc then the letter.
        case alt(Character)
    }

    static func read(after next: () -> UInt32?) -> Outcome {
        guard let first = next() else { return .loneEscape }
        if first == 0x1B { return .escapeThenEscape }
        var text = String(Unicode.Scalar(first).map(Character.init) ?? "?")
        switch first {
        case 0x5B:  // "[": CSI parameters and intermediates, then a final byte
            var count = 0
            while count < longest, let byte = next() {
                count += 1
                text.unicodeScalars.append(Unicode.Scalar(byte) ?? "?")
                if count == 1 && byte == 0x5B {  // the Linux console's ESC [ [ A: one more letter
                    if let letter = next() { text.unicodeScalars.append(Unicode.Scalar(letter) ?? "?") }
                    break
                }
                if (0x40...0x7E).contains(byte) || byte == 0x24 { break }
                if !(0x20...0x3F).contains(byte) { break }  // not part of a sequence: stop here
            }
        case 0x4F:  // "O": one more byte
            if let byte = next() { text.unicodeScalars.append(Unicode.Scalar(byte) ?? "?") }
        default:
            if let scalar = Unicode.Scalar(first), scalar.properties.isAlphabetic, scalar.isASCII {
                return .alt(Character(String(scalar).lowercased()))
            }
        }
        return .swallowed(text)
    }
}
