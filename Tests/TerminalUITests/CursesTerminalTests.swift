import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI

/// Tests of the real ncurses backend, headless: `newterm` on /dev/null (and on pipes for input),
/// reading cells back from curses' own screen.
///
/// The class is not `@MainActor`: on Linux, XCTest's test discovery crashes casting main-actor test
/// methods. XCTest runs tests on the main thread, so each test enters the main actor with
/// `onMain`.
final class CursesTerminalTests: HeadlessCursesTestCase {

    // MARK: Drawing

    func testHeadlessTerminalHasTheRequestedSize() throws { try onMain {
        let terminal = try headless(width: 57, height: 13)
        XCTAssertEqual(terminal.size, Size(width: 57, height: 13))
    } }

    func testPresentThenReadBackNonASCIIAndWideCharacters() throws { try onMain {
        let terminal = try headless()
        var canvas = Canvas(size: terminal.size)
        canvas.write("Zoë Ōkubo 李", at: Point(x: 0, y: 0))
        canvas.write("e\u{301}cole 李明 end", at: Point(x: 3, y: 2), style: .heading)
        canvas.write("right", at: Point(x: 35, y: 5))   // bottom-right corner
        terminal.present(canvas)

        XCTAssertEqual(terminal.readBackLine(0), "Zoë Ōkubo 李")
        XCTAssertEqual(terminal.readBackLine(2), "   e\u{301}cole 李明 end")
        XCTAssertEqual(terminal.readBackLine(5), String(repeating: " ", count: 35) + "right")
        for y in 0..<canvas.size.height {
            XCTAssertEqual(terminal.readBackLine(y), canvas.line(y), "row \(y)")
        }

        // Exact cells: "李" takes columns 10 and 11; "ë" and "Ō" are one cell each.
        XCTAssertEqual(terminal.readBackCell(x: 2, y: 0)?.text, "ë")
        XCTAssertEqual(terminal.readBackCell(x: 4, y: 0)?.text, "Ō")
        XCTAssertEqual(terminal.readBackCell(x: 10, y: 0)?.text, "李")
        XCTAssertEqual(terminal.readBackCell(x: 12, y: 0)?.text, " ")
        XCTAssertEqual(terminal.readBackCell(x: 3, y: 2)?.text, "e\u{301}", "a combining mark stays in its cell")
        XCTAssertEqual(terminal.readBackCell(x: 11, y: 2)?.text, "明")
        XCTAssertEqual(terminal.readBackCell(x: 14, y: 2)?.text, "e")
    } }

    func testStylesBecomeColourPairsAndAttributes() throws { try onMain {
        let terminal = try headless()
        XCTAssertEqual(terminal.colorCapability, .full)
        var canvas = Canvas(size: terminal.size)
        canvas.write("Title", at: Point(x: 0, y: 0), style: .title)
        canvas.write("plain", at: Point(x: 0, y: 1))
        terminal.present(canvas)
        let title = try XCTUnwrap(terminal.readBackCell(x: 0, y: 0))
        XCTAssertEqual(title.colorPair, Int16(Style.title.rawValue + 1))
        XCTAssertEqual(title.attributes, terminal.rendition(of: .title).attributes)
        XCTAssertNotEqual(title.attributes, 0, "the title is bold")
        XCTAssertEqual(terminal.readBackCell(x: 0, y: 1)?.colorPair, Int16(Style.normal.rawValue + 1))
    } }

    func testNoColorGivesMonochromeWithAttributesOnly() throws { try onMain {
        let terminal = try headless(environment: ["NO_COLOR": "1"])
        XCTAssertEqual(terminal.colorCapability, .monochrome)
        for style in Style.allCases { XCTAssertEqual(terminal.rendition(of: style).colorPair, 0, "\(style)") }
        var canvas = Canvas(size: terminal.size)
        canvas.write("Selected", at: Point(x: 0, y: 0), style: .selected)
        terminal.present(canvas)
        let cell = try XCTUnwrap(terminal.readBackCell(x: 0, y: 0))
        XCTAssertEqual(cell.colorPair, 0)
        XCTAssertEqual(cell.attributes, terminal.rendition(of: .selected).attributes)
        XCTAssertNotEqual(cell.attributes, 0, "selection is shown in reverse")
    } }

    func testEightColourAndMonochromeTerminals() throws { try onMain {
        let basic = try CursesTerminal.headless(size: Size(width: 20, height: 4), term: "xterm")
        XCTAssertEqual(basic.colorCapability, .basic)
        basic.shutdown()
        let mono = try CursesTerminal.headless(size: Size(width: 20, height: 4), term: "vt100")
        XCTAssertEqual(mono.colorCapability, .monochrome)
        mono.shutdown()
    } }

    func testThemeCapabilityHonoursNoColor() throws { try onMain {
        XCTAssertEqual(Theme.capability(colors: 256, environment: [:]), .full)
        XCTAssertEqual(Theme.capability(colors: 8, environment: [:]), .basic)
        XCTAssertEqual(Theme.capability(colors: 2, environment: [:]), .monochrome)
        XCTAssertEqual(Theme.capability(colors: 256, environment: ["NO_COLOR": "1"]), .monochrome)
        XCTAssertEqual(Theme.capability(colors: 8, environment: ["NO_COLOR": "yes"]), .monochrome)
        XCTAssertEqual(Theme.capability(colors: 256, environment: ["NO_COLOR": ""]), .full, "an empty NO_COLOR is ignored")
    } }

    // MARK: Diffing

    func testSecondPresentOfTheSameCanvasWritesNothing() throws { try onMain {
        let terminal = try headless(width: 30, height: 5)
        var canvas = Canvas(size: terminal.size)
        canvas.write("Zoë Ōkubo 李", at: Point(x: 1, y: 1), style: .emphasis)
        terminal.present(canvas)
        XCTAssertEqual(terminal.lastPresentCellWrites, 30 * 5 - 1, "the first present draws every cell once (李 covers two)")

        terminal.present(canvas)
        XCTAssertEqual(terminal.lastPresentCellWrites, 0)

        canvas.write("X", at: Point(x: 20, y: 3))
        terminal.present(canvas)
        XCTAssertEqual(terminal.lastPresentCellWrites, 1)
        XCTAssertEqual(terminal.readBackLine(3), String(repeating: " ", count: 20) + "X")

        canvas.cursor = Point(x: 2, y: 2)
        terminal.present(canvas)
        XCTAssertEqual(terminal.lastPresentCellWrites, 0, "moving the cursor writes no cells")
    } }

    func testWideAndNarrowCharactersReplaceEachOther() throws { try onMain {
        let terminal = try headless(width: 10, height: 2)
        var canvas = Canvas(size: terminal.size)
        canvas.write("a李b", at: Point(x: 0, y: 0))
        terminal.present(canvas)
        XCTAssertEqual(terminal.readBackLine(0), "a李b")

        // A narrow character over the continuation cell only: 李 must go, its first half blanked.
        canvas.write(" x", at: Point(x: 1, y: 0))
        terminal.present(canvas)
        XCTAssertEqual(terminal.readBackLine(0), canvas.line(0))
        XCTAssertEqual(terminal.readBackLine(0), "a xb")

        // A wide character over two narrow ones.
        canvas.write("明", at: Point(x: 1, y: 0))
        terminal.present(canvas)
        XCTAssertEqual(terminal.readBackLine(0), "a明b")
        XCTAssertEqual(terminal.lastPresentCellWrites, 1)
    } }

    func testForcedRedrawAndSizeChangeRedrawEverything() throws { try onMain {
        let terminal = try headless(width: 12, height: 3)
        var canvas = Canvas(size: terminal.size)
        canvas.write("hello", at: Point(x: 0, y: 0))
        terminal.present(canvas)
        terminal.forceFullRedraw()
        terminal.present(canvas)
        XCTAssertEqual(terminal.lastPresentCellWrites, 36)

        let smaller = Canvas(size: Size(width: 6, height: 2))
        terminal.present(smaller)
        XCTAssertEqual(terminal.lastPresentCellWrites, 12)
        XCTAssertEqual(terminal.readBackLine(0), "", "cells outside a smaller canvas are erased")
    } }

    func testShutdownIsIdempotent() throws { try onMain {
        let terminal = try headless()
        terminal.shutdown()
        terminal.shutdown()
        XCTAssertTrue(terminal.isShutDown)
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: nil), .endOfInput)
        terminal.present(Canvas(size: terminal.size))   // ignored, no crash
    } }

    // MARK: Keys

    func testDecoderTable() throws { try onMain {
        let table: [(CursesInput, DecodedInput)] = [
            (.character(0x61), .key(.character("a"))),
            (.character(0x20), .key(.character(" "))),
            (.character(0xEB), .key(.character("ë"))),
            (.character(0x014C), .key(.character("Ō"))),
            (.character(0x674E), .key(.character("李"))),
            (.character(0x1F600), .key(.character("😀"))),
            (.character(0x0D), .key(.enter)),
            (.character(0x0A), .key(.enter)),
            (.keyCode(CursesKeyDecoder.Code.enter), .key(.enter)),
            (.character(0x7F), .key(.backspace)),
            (.character(0x08), .key(.backspace)),
            (.keyCode(CursesKeyDecoder.Code.backspace), .key(.backspace)),
            (.character(0x09), .key(.tab)),
            (.keyCode(CursesKeyDecoder.Code.backTab), .key(.backTab)),
            (.character(0x1B), .key(.escape)),
            (.character(0x03), .key(.control("c"))),
            (.character(0x0C), .key(.control("l"))),
            (.character(0x01), .key(.control("a"))),
            (.character(0x1A), .key(.control("z"))),
            (.character(0x13), .key(.control("s"))),
            (.character(0x1C), .key(.control("\\"))),
            (.character(0x00), .ignored),
            (.character(0x85), .ignored),
            (.keyCode(CursesKeyDecoder.Code.up), .key(.up)),
            (.keyCode(CursesKeyDecoder.Code.down), .key(.down)),
            (.keyCode(CursesKeyDecoder.Code.left), .key(.left)),
            (.keyCode(CursesKeyDecoder.Code.right), .key(.right)),
            (.keyCode(CursesKeyDecoder.Code.home), .key(.home)),
            (.keyCode(CursesKeyDecoder.Code.end), .key(.end)),
            (.keyCode(CursesKeyDecoder.Code.keypadA1), .key(.home)),
            (.keyCode(CursesKeyDecoder.Code.keypadC1), .key(.end)),
            (.keyCode(CursesKeyDecoder.Code.previousPage), .key(.pageUp)),
            (.keyCode(CursesKeyDecoder.Code.nextPage), .key(.pageDown)),
            (.keyCode(CursesKeyDecoder.Code.deleteCharacter), .key(.delete)),
            (.keyCode(CursesKeyDecoder.Code.insertCharacter), .key(.insert)),
            (.keyCode(CursesKeyDecoder.Code.resize), .resize),
            (.keyCode(CursesKeyDecoder.Code.keypadB2), .ignored),
            (.keyCode(0o631), .ignored),   // KEY_MOUSE
        ]
        for (input, expected) in table {
            XCTAssertEqual(CursesKeyDecoder.decode(input), expected, "\(input)")
        }
        for n in 1...12 {
            XCTAssertEqual(CursesKeyDecoder.decode(.keyCode(CursesKeyDecoder.Code.function(n))), .key(.function(n)))
        }
        XCTAssertEqual(CursesKeyDecoder.decode(.keyCode(CursesKeyDecoder.Code.f0)), .ignored)
    } }

    func testDecoderKeyCodesMatchTheNcursesHeader() throws { try onMain {
        let header = CursesTerminal.headerKeyCodes
        let code = CursesKeyDecoder.Code.self
        let expected: [String: Int32] = [
            "KEY_DOWN": code.down, "KEY_UP": code.up, "KEY_LEFT": code.left, "KEY_RIGHT": code.right,
            "KEY_HOME": code.home, "KEY_BACKSPACE": code.backspace, "KEY_F0": code.f0, "KEY_F12": code.function(12),
            "KEY_DC": code.deleteCharacter, "KEY_IC": code.insertCharacter, "KEY_NPAGE": code.nextPage,
            "KEY_PPAGE": code.previousPage, "KEY_ENTER": code.enter, "KEY_LL": code.lowerLeft, "KEY_A1": code.keypadA1,
            "KEY_A3": code.keypadA3, "KEY_B2": code.keypadB2, "KEY_C1": code.keypadC1, "KEY_C3": code.keypadC3,
            "KEY_BTAB": code.backTab, "KEY_END": code.end, "KEY_FIND": code.find, "KEY_SDC": code.shiftedDelete,
            "KEY_SELECT": code.select, "KEY_RESIZE": code.resize, "KEY_CODE_YES": 0o400,
        ]
        XCTAssertEqual(header, expected)
    } }

    /// Real `get_wch` on a pipe: escape sequences from xterm's terminfo become keys, UTF-8 becomes
    /// characters, and the end of the input becomes `.endOfInput` quickly instead of a busy loop.
    func testGetWchDecodesEscapeSequencesAndUTF8FromAPipe() throws { try onMain {
        let pipe = try InputPipe()
        let terminal = try headless(environment: ["ESCDELAY": "10"], input: pipe.read)
        pipe.write("\u{1B}OA\u{1B}OB\u{1B}OP\u{1B}[21~\u{1B}[Z\u{1B}[3~\u{1B}[5~\u{1B}OHZoë李\r\u{7F}\u{03}\t\u{1B}")
        let expected: [Key] = [.up, .down, .function(1), .function(10), .backTab, .delete, .pageUp, .home,
                               .character("Z"), .character("o"), .character("ë"), .character("李"),
                               .enter, .backspace, .control("c"), .tab, .escape]
        for key in expected {
            XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(key))
        }
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 50), .timeout)
        pipe.closeWriteEnd()
        let clock = ContinuousClock()
        let started = clock.now
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: nil), .endOfInput)
        XCTAssertLessThan(clock.now - started, .seconds(2), "a closed input is noticed at once")
        XCTAssertTrue(terminal.lostTerminal)
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: nil), .endOfInput)
    } }

    // MARK: Signals

    func testTerminationSignalEndsAWaitingNextEvent() throws { try onMain {
        let pipe = try InputPipe()
        let terminal = try headless(input: pipe.read)
        TerminalLifecycle.install(programName: "test")
        XCTAssertNil(TerminalLifecycle.receivedTerminationSignal)
        let sender = Thread {
            usleep(150_000)
            kill(getpid(), SIGTERM)
        }
        sender.start()
        let clock = ContinuousClock()
        let started = clock.now
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: nil), .endOfInput)
        XCTAssertLessThan(clock.now - started, .seconds(2))
        XCTAssertEqual(TerminalLifecycle.receivedTerminationSignal, SIGTERM)
        XCTAssertFalse(terminal.lostTerminal)
        XCTAssertEqual(TerminalLifecycle.exitStatus(for: SIGTERM), 143)
        // Further reads end at once too, so the application's loop finishes.
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 5000), .endOfInput)
        _ = pipe
    } }

    func testInstallAndUninstallRestoreThePreviousHandlers() throws { try onMain {
        TerminalLifecycle.install(programName: "test")
        XCTAssertTrue(TerminalLifecycle.isInstalled)
        TerminalLifecycle.install(programName: "test")   // idempotent
        TerminalLifecycle.uninstall()
        XCTAssertFalse(TerminalLifecycle.isInstalled)
        var current = sigaction()
        sigaction(SIGINT, nil, &current)
        XCTAssertNotEqual(unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self), 0,
                          "the handler before install (XCTest's or SIG_DFL) is back")
    } }

    // MARK: Refusing

    func testCheckRefusesWithoutATerminal() throws { try onMain {
        let noStdin = try XCTUnwrap(refusal(["TERM": "xterm"], probe(stdin: false)))
        XCTAssertEqual(noStdin.reason, .standardInputNotATerminal)
        XCTAssertEqual(noStdin.description, "esafety needs a terminal: standard input is not a terminal. "
            + "Run it in a terminal window, or use the esafety subcommands (esafety --help) for scripts.")
        XCTAssertEqual(refusal(["TERM": "xterm"], probe(stdout: false))?.reason, .standardOutputNotATerminal)
        XCTAssertTrue(refusal(["TERM": "xterm"], probe(stdout: false))?.description.contains("standard output is not a terminal") ?? false)
    } }

    func testCheckRefusesUnsetUnknownAndDumbTerminals() throws { try onMain {
        XCTAssertEqual(refusal([:], probe())?.reason, .terminalTypeNotSet)
        XCTAssertEqual(refusal(["TERM": ""], probe())?.reason, .terminalTypeNotSet)
        XCTAssertEqual(refusal(["TERM": "nonesuch"], probe(answer: .unknown))?.reason, .unknownTerminalType("nonesuch"))
        XCTAssertEqual(refusal(["TERM": "dumb"], probe(answer: .cannotAddressCursor))?.reason, .cannotAddressCursor("dumb"))
        XCTAssertTrue(refusal(["TERM": "dumb"], probe(answer: .cannotAddressCursor))?.description.contains("TERM=dumb") ?? false)
        XCTAssertNil(refusal(["TERM": "xterm-256color"], probe()))
    } }

    func testTerminfoLookUpOnThisMachine() throws { try onMain {
        XCTAssertEqual(CursesTerminal.lookUpTerminfo("xterm-256color"), .usable)
        XCTAssertEqual(CursesTerminal.lookUpTerminfo("tmux-256color"), .usable)
        XCTAssertEqual(CursesTerminal.lookUpTerminfo("vt100"), .usable)
        XCTAssertEqual(CursesTerminal.lookUpTerminfo("dumb"), .cannotAddressCursor)
        XCTAssertEqual(CursesTerminal.lookUpTerminfo("no-such-terminal-esafety"), .unknown)
    } }

    func testStartRefusesUnderSwiftTestWhenStdinIsNotATerminal() throws { try onMain {
        let realProbe = TerminalProbe.process
        guard !realProbe.standardInputIsTerminal || !realProbe.standardOutputIsTerminal else {
            throw XCTSkip("this test run has a terminal on stdin and stdout")
        }
        XCTAssertThrowsError(try CursesTerminal.start(environment: ["TERM": "xterm-256color"], programName: "esafety")) { error in
            let refusal = error as? TerminalUnavailable
            XCTAssertNotNil(refusal)
            XCTAssertTrue(refusal?.description.hasPrefix("esafety needs a terminal: standard") ?? false, "\(error)")
        }
        XCTAssertFalse(TerminalLifecycle.isInstalled, "nothing is touched when the check refuses")
    } }
}

// MARK: Helpers (free functions, so the main-actor closures do not capture the test case)

func onMain(_ body: @MainActor () throws -> Void) throws {
    try MainActor.assumeIsolated(body)
}

/// Shuts down the headless terminals a test made, and puts the signal handlers back.
class HeadlessCursesTestCase: XCTestCase {
    override func tearDown() {
        MainActor.assumeIsolated {
            for terminal in openTerminals { terminal.shutdown() }
            openTerminals = []
            TerminalLifecycle.uninstall()
            TerminalLifecycle.resetReceivedSignal()
        }
        super.tearDown()
    }
}

/// Terminals made by the current test, shut down in `tearDown` whatever happened (here and in
/// TerminalKeysTests).
@MainActor var openTerminals: [CursesTerminal] = []

@MainActor
func headless(width: Int = 40, height: Int = 6, term: String = "xterm-256color", environment: [String: String] = [:],
              input: Int32? = nil) throws -> CursesTerminal {
    let terminal = try CursesTerminal.headless(size: Size(width: width, height: height), term: term, environment: environment,
                                               inputDescriptor: input)
    openTerminals.append(terminal)
    return terminal
}

private func probe(stdin: Bool = true, stdout: Bool = true,
                   answer: TerminalProbe.TerminfoAnswer = .usable) -> TerminalProbe {
    TerminalProbe(standardInputIsTerminal: stdin, standardOutputIsTerminal: stdout, lookUp: { _ in answer })
}

private func refusal(_ environment: [String: String], _ probe: TerminalProbe) -> TerminalUnavailable? {
    if case .failure(let error) = TerminalCheck.verify(environment: environment, programName: "esafety", probe: probe) {
        return error
    }
    return nil
}

/// A pipe a test writes terminal input into.
final class InputPipe {
    let read: Int32
    private var writeEnd: Int32

    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw XCTSkip("pipe() failed") }
        read = descriptors[0]
        writeEnd = descriptors[1]
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress, $0.count) }
    }

    func closeWriteEnd() {
        if writeEnd >= 0 { close(writeEnd); writeEnd = -1 }
    }

    deinit {
        closeWriteEnd()
        close(read)
    }
}
