// The ncurses backend: with CursesTerminal+Input.swift, the only Swift files that import
// CNcursesw. It owns the terminal's whole life, as htop's CRT.c does: the check, start-up,
// drawing, keys, signals and giving it back.
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A real terminal driven by ncursesw.
///
/// - `present` draws the cells `CanvasDiff` names: those that changed since the previous canvas
///   (a whole repaint after a resize, after Ctrl-L, or after `forceFullRedraw()`), wide
///   characters through `setcchar` and `mvadd_wch`, then shows or hides the cursor and refreshes.
/// - Colours: one pair per `Style`, as `ColorPairPlan` works them out.
/// - `nextEvent` reads with `get_wch` in raw mode, so Ctrl-C arrives as a key and Ctrl-Z and
///   Ctrl-S do nothing. It reports `.endOfInput` when a termination signal arrived (see
///   `TerminalLifecycle`) or when the terminal has gone (end of file, hang-up, or `get_wch`
///   failing at once again and again), so it never spins.
/// - Keys: the sequences of `KeySequences` are added with `define_key`; an Esc that starts no
///   known sequence is read to the sequence's end and ignored whole; bracketed paste is on, and a
///   paste arrives as one `.paste` event.
/// - `shutdown` is idempotent and gives the terminal back with `endwin`. On a terminal with no
///   alternate screen (the Linux console, vt100) it clears the screen first, so nothing that was
///   shown stays under the shell prompt; the crash-signal handler does the same.
///
/// All calls happen on the main actor. Only one instance should be live at a time.
@MainActor
public final class CursesTerminal: Terminal {
    /// The colours in use, already lowered for `NO_COLOR` and the terminal's palette.
    public let colorCapability: ColorCapability
    /// True for a terminal made by `headless(size:)`: output goes nowhere, no signal handlers.
    public let isHeadless: Bool
    /// True once `nextEvent` decided the terminal has gone (end of file, hang-up, I/O errors):
    /// the executable may exit with a failure status after saving.
    public internal(set) var lostTerminal = false
    /// How many cells the last `present` wrote to curses (0 when nothing changed).
    public private(set) var lastPresentCellWrites = 0
    /// The longest single wait inside `nextEvent`, so a termination signal is seen promptly even
    /// if the C library restarts the interrupted read.
    public static let signalCheckIntervalMilliseconds = 250
    /// How many immediate `get_wch` failures in a row mean the terminal is gone.
    static let immediateFailureLimit = 20

    var screen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>?
    private var files: [UnsafeMutablePointer<FILE>] = []
    private var previous: Canvas?
    var needsRepaint = true
    private var cursorVisible: Bool?
    private var attributesByStyle: [attr_t]
    private var pairsByStyle: [Int16]
    var immediateFailures = 0
    private var lastSize: Size
    public private(set) var isShutDown = false
    /// The function keys the terminal type has (see `KeySequences.functionKeys`).
    public let functionKeys: Set<Int>
    /// True when terminfo gives the terminal an alternate screen (`smcup`), which `endwin` leaves.
    public let hasAlternateScreen: Bool
    /// What is written after `endwin`: bracketed paste off, and on a terminal with no alternate
    /// screen, a clear of the screen (and of its scrollback where terminfo knows how).
    let farewellBytes: [UInt8]

    // MARK: Starting

    /// Checks the terminal (see `TerminalCheck`), then takes it over: locale, `newterm`, raw mode,
    /// no echo, keypad, `ESCDELAY` (from the environment, else 25 ms), colours (one pair per
    /// `Style`, none with `NO_COLOR`) and the signal handlers of `TerminalLifecycle`.
    public static func start(environment: [String: String] = ProcessInfo.processInfo.environment,
                             programName: String = TerminalCheck.defaultProgramName) throws -> CursesTerminal {
        if case .failure(let refusal) = TerminalCheck.verify(environment: environment, programName: programName) {
            throw refusal
        }
        let term = environment["TERM"] ?? ""
        setlocale(LC_ALL, "")
        guard let screen = newterm(term, esafety_stdout(), esafety_stdin()) else {
            throw TerminalUnavailable(.initialisationFailed(term), programName: programName)
        }
        let terminal = CursesTerminal(screen: screen, environment: environment, headless: false)
        terminal.writeRaw(Array(BracketedPaste.on.utf8))
        TerminalLifecycle.install(programName: programName)
        TerminalLifecycle.setFarewellBytes(terminal.farewellBytes)
        TerminalLifecycle.setRestoreHandler {
            _ = curs_set(1)
            _ = endwin()
        }
        return terminal
    }

    /// A curses screen with no terminal at all, for tests of the real backend: `newterm` writes to
    /// /dev/null and reads from /dev/null (or from `inputDescriptor`, such as a pipe a test writes
    /// escape sequences into). Read the result back with `readBackLine` and `readBackCell`.
    public static func headless(size: Size, term: String = "xterm-256color", environment: [String: String] = [:],
                                inputDescriptor: Int32? = nil) throws -> CursesTerminal {
        setlocale(LC_ALL, "")
        guard let output = fopen("/dev/null", "w") else {
            throw TerminalUnavailable(.initialisationFailed(term), programName: "headless")
        }
        let input: UnsafeMutablePointer<FILE>?
        if let inputDescriptor { input = fdopen(dup(inputDescriptor), "r") } else { input = fopen("/dev/null", "r") }
        guard let input else {
            fclose(output)
            throw TerminalUnavailable(.initialisationFailed(term), programName: "headless")
        }
        guard let screen = newterm(term, output, input) else {
            fclose(output); fclose(input)
            throw TerminalUnavailable(.unknownTerminalType(term), programName: "headless")
        }
        _ = resize_term(Int32(size.height), Int32(size.width))
        var environment = environment
        environment["TERM"] = term
        let terminal = CursesTerminal(screen: screen, environment: environment, headless: true)
        terminal.files = [output, input]
        return terminal
    }

    private init(screen: OpaquePointer, environment: [String: String], headless: Bool) {
        self.screen = screen
        self.isHeadless = headless
        _ = set_term(screen)
        let window = esafety_stdscr()
        self.window = window
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        if let delay = environment["ESCDELAY"].flatMap({ Int32($0) }), delay >= 0 {
            _ = set_escdelay(delay)
        } else {
            _ = set_escdelay(25)
        }
        let term = environment["TERM"] ?? ""
        self.functionKeys = Self.availableFunctionKeys(term: term)
        self.hasAlternateScreen = Self.capability("smcup") != nil
        var farewell = BracketedPaste.off
        if !hasAlternateScreen {
            farewell += TerminalClearing.clearSequence(clear: Self.capability("clear"), clearScrollback: Self.capability("E3"))
        }
        self.farewellBytes = Array(farewell.utf8)

        // Colour: none at all under NO_COLOR; otherwise as many as the terminal has.
        var capability = ColorCapability.monochrome
        var defaultColors = false
        if Theme.capability(colors: 256, environment: environment) != .monochrome, has_colors() {
            _ = start_color()
            defaultColors = use_default_colors() == OK
            capability = Theme.capability(colors: Int(esafety_colors()), environment: environment)
        }
        self.colorCapability = capability
        let theme = Theme(capability: capability, highContrast: Theme.prefersHighContrast(environment: environment))
        let plan = ColorPairPlan(theme: theme, capability: capability, pairLimit: Int(esafety_color_pairs()), defaultColors: defaultColors)
        for entry in plan.pairsToInitialise { _ = init_pair(entry.pair, entry.foreground, entry.background) }
        self.attributesByStyle = plan.entries.map { Self.attributes($0.attributes) }
        self.pairsByStyle = plan.entries.map(\.pair)
        self.lastSize = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        defineExtraKeys()
    }

    /// A string capability of the current terminal, or nil when terminfo has none.
    static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// Writes bytes straight to the terminal (outside curses' picture of the screen).
    func writeRaw(_ bytes: [UInt8]) {
        guard !isHeadless, !bytes.isEmpty else { return }
        _ = fflush(esafety_stdout())
        bytes.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    private static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = esafety_a_normal()
        if attributes.contains(.bold) { result |= esafety_a_bold() }
        if attributes.contains(.reverse) { result |= esafety_a_reverse() }
        if attributes.contains(.underline) { result |= esafety_a_underline() }
        if attributes.contains(.dim) { result |= esafety_a_dim() }
        return result
    }

    /// Asks terminfo about a terminal type without initialising curses (used by `TerminalProbe.process`).
    nonisolated static func lookUpTerminfo(_ term: String) -> TerminalProbe.TerminfoAnswer {
        switch esafety_probe_terminal(term) {
        case 0: return .usable
        case 2: return .noDatabase
        case 3: return .hardcopy
        case 4: return .cannotAddressCursor
        default: return .unknown
        }
    }

    // MARK: Terminal

    public var size: Size {
        guard !isShutDown, let window else { return lastSize }
        lastSize = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        return lastSize
    }

    /// Makes the next `present` clear the physical screen and draw every cell (Ctrl-L does this).
    public func forceFullRedraw() { needsRepaint = true }

    public func present(_ canvas: Canvas) {
        guard !isShutDown, let screen, let window else { return }
        _ = set_term(screen)
        let current = size
        var writes = 0
        let old: Canvas? = (needsRepaint || previous?.size != canvas.size) ? nil : previous
        if old == nil {
            _ = werase(window)
            if needsRepaint { _ = clearok(window, true) }
        }
        CanvasDiff.forEachCellToWrite(from: old, to: canvas, visible: current) { x, y in
            put(canvas[x, y], x: x, y: y)
            writes += 1
        }
        if let cursor = canvas.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < current.width, cursor.y < current.height {
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            setCursorVisible(true)
        } else {
            setCursorVisible(false)
        }
        _ = wrefresh(window)
        needsRepaint = false
        previous = canvas
        lastPresentCellWrites = writes
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        _ = curs_set(visible ? 1 : 0)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let style = cell.style.rawValue
        let attributes = attributesByStyle[style]
        let pair = pairsByStyle[style]
        var scalars = Array(cell.text.unicodeScalars.prefix(Int(CCHARW_MAX)))
        if scalars.isEmpty { scalars = [" "] }
        if scalars[0].value < 0x20 || (scalars[0].value >= 0x7F && scalars[0].value < 0xA0) { scalars = ["?"] }
        var characters = scalars.map { wchar_t(bitPattern: $0.value) } + [0]
        if esafety_put_cell(Int32(y), Int32(x), &characters, attributes, pair) == -2 {
            // setcchar refused the cluster (a spacing character after the first, say): show its
            // first character alone, or a question mark.
            characters = [wchar_t(bitPattern: scalars[0].value), 0]
            if esafety_put_cell(Int32(y), Int32(x), &characters, attributes, pair) == -2 {
                characters = [wchar_t(63), 0]
                _ = esafety_put_cell(Int32(y), Int32(x), &characters, attributes, pair)
            }
        }
    }

    public func shutdown() {
        guard !isShutDown else { return }
        if let screen { _ = set_term(screen) }
        if !isHeadless {
            TerminalLifecycle.setRestoreHandler(nil)
            _ = curs_set(1)
        }
        _ = endwin()
        writeRaw(farewellBytes)
        if let screen { delscreen(screen) }
        for file in files { fclose(file) }
        files = []
        screen = nil
        window = nil
        isShutDown = true
    }

    /// True when boxes and bars can be drawn with Unicode line drawing: the terminal lists
    /// line-drawing characters (terminfo `acsc`) and the locale is UTF-8. Otherwise the
    /// application draws them in ASCII (`Application.asciiOnly`).
    public var hasLineDrawing: Bool {
        guard !isShutDown, let screen else { return false }
        _ = set_term(screen)
        guard esafety_has_line_drawing() == 1, let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    // MARK: Reading back (tests)

    /// What curses holds in one cell of its screen.
    struct CellReading: Equatable {
        var text: String
        var attributes: attr_t
        var colorPair: Int16
    }

    /// The characters, attributes and colour pair curses holds for one cell.
    func readBackCell(x: Int, y: Int) -> CellReading? {
        guard !isShutDown, let screen else { return nil }
        _ = set_term(screen)
        var buffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard esafety_read_cell_styled(Int32(y), Int32(x), &buffer, Int32(buffer.count), &attributes, &pair) == OK else { return nil }
        var text = ""
        for value in buffer where value != 0 {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
        }
        return CellReading(text: text, attributes: attributes, colorPair: pair)
    }

    /// The text of one row of curses' own screen (not the canvas), trailing spaces removed, so a
    /// test can compare it with `Canvas.line(_:)`. A wide character's second cell is skipped.
    public func readBackLine(_ y: Int) -> String {
        var line = ""
        var x = 0
        let width = size.width
        while x < width {
            let text = readBackCell(x: x, y: y)?.text ?? ""
            line += text
            x += text.unicodeScalars.first.map { Int(wcwidth(wchar_t(bitPattern: $0.value))) } == 2 ? 2 : 1
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// The colour pair and attributes the backend uses for a style (for tests).
    func rendition(of style: Style) -> (attributes: attr_t, colorPair: Int16) {
        (attributesByStyle[style.rawValue], pairsByStyle[style.rawValue])
    }

    /// The key codes of `<ncurses.h>`, to check the pure decoder's table against.
    nonisolated static var headerKeyCodes: [String: Int32] {
        [
            "KEY_DOWN": KEY_DOWN, "KEY_UP": KEY_UP, "KEY_LEFT": KEY_LEFT, "KEY_RIGHT": KEY_RIGHT,
            "KEY_HOME": KEY_HOME, "KEY_BACKSPACE": KEY_BACKSPACE, "KEY_F0": KEY_F0, "KEY_F12": esafety_key_f(12),
            "KEY_DC": KEY_DC, "KEY_IC": KEY_IC, "KEY_NPAGE": KEY_NPAGE, "KEY_PPAGE": KEY_PPAGE,
            "KEY_ENTER": KEY_ENTER, "KEY_LL": KEY_LL, "KEY_A1": KEY_A1, "KEY_A3": KEY_A3, "KEY_B2": KEY_B2,
            "KEY_C1": KEY_C1, "KEY_C3": KEY_C3, "KEY_BTAB": KEY_BTAB, "KEY_END": KEY_END, "KEY_FIND": KEY_FIND,
            "KEY_SDC": KEY_SDC, "KEY_SELECT": KEY_SELECT, "KEY_RESIZE": KEY_RESIZE, "KEY_CODE_YES": KEY_CODE_YES,
        ]
    }
}
