import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI

/// The keys of every common terminal through the real backend: bytes as each terminal sends
/// them, written into a pipe that a headless curses screen of that TERM reads with `get_wch`.
/// (The same bytes go through tmux in EndToEndTests/TerminalKeysEndToEndTests.)
final class TerminalKeysTests: HeadlessCursesTestCase {
    /// The keys every terminal must deliver, with the bytes one terminal type sends for them.
    private typealias Sent = [(bytes: String, key: Key)]

    private static let putty: Sent = [("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete),
                                      ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[11~", .function(1)),
                                      ("\u{1B}[12~", .function(2)), ("\u{1B}[13~", .function(3)), ("\u{1B}[14~", .function(4)),
                                      ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[18~", .function(7)),
                                      ("\u{1B}[19~", .function(8)), ("\u{1B}[20~", .function(9)), ("\u{1B}[21~", .function(10)),
                                      ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)), ("\u{1B}[Z", .backTab),
                                      ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left)]
    private static let xterm: Sent = [("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
                                      ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)),
                                      ("\u{1B}OS", .function(4)), ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right),
                                      ("\u{1B}OD", .left)]
    private static let rxvt: Sent = [("\u{1B}[7~", .home), ("\u{1B}[8~", .end)]
    private static let console: Sent = [("\u{1B}[[A", .function(1)), ("\u{1B}[[B", .function(2)), ("\u{1B}[[C", .function(3)),
                                        ("\u{1B}[[D", .function(4)), ("\u{1B}[[E", .function(5)), ("\u{1B}\t", .backTab)]

    /// Every sequence decodes under every TERM (a PuTTY set to "xterm" sends the vt220 keys;
    /// an rxvt user's TERM is often "xterm"; ssh from a console keeps "linux").
    func testEverySequenceOfEveryTerminalDecodesUnderEveryTerm() throws { try onMain {
        let all = Self.putty + Self.xterm + Self.rxvt + Self.console
        for term in ["xterm", "xterm-256color", "rxvt", "rxvt-unicode", "screen", "tmux", "linux", "vt100", "vt220", "putty"] {
            guard KeySequencesTestSupport.terminfoHas(term) else { continue }
            let pipe = try InputPipe()
            let terminal = try headless(term: term, environment: ["ESCDELAY": "25"], input: pipe.read)
            pipe.write(all.map(\.bytes).joined())
            for (bytes, key) in all {
                XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(key), "\(term): \(bytes.debugDescription)")
            }
            XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 50), .timeout, term)
            terminal.shutdown()
        }
    } }

    func testAnUnknownSequenceIsIgnoredWholeAndALoneEscIsEsc() throws { try onMain {
        let pipe = try InputPipe()
        let terminal = try headless(term: "xterm", environment: ["ESCDELAY": "25"], input: pipe.read)
        // Ctrl-Up (xterm's kUP5) acts as Up. Then an unknown private sequence, rxvt's Shift-F11,
        // a focus report, Alt-4, an unknown SS3 and Alt-B: none may turn into Esc
        // followed by letters; Alt with a letter is an Alt key.
        pipe.write("\u{1B}[1;5Aa\u{1B}[?99xb\u{1B}[23$c\u{1B}[Id\u{1B}4e\u{1B}Ozf\u{1B}Bg")
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.up))
        for letter in ["a", "b", "c", "d", "e", "f"] {
            XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.character(Character(letter))))
        }
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.alt("b")))
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.character("g")))
        // Esc on its own, then nothing: Esc once the escape delay has passed.
        pipe.write("\u{1B}")
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.escape))
        // Esc Esc: two presses of Esc.
        pipe.write("\u{1B}\u{1B}")
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.escape))
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.escape))
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 50), .timeout)
    } }

    func testABracketedPasteIsOneEventWithItsNewlines() throws { try onMain {
        let pipe = try InputPipe()
        let terminal = try headless(term: "xterm-256color", input: pipe.read)
        pipe.write("x\u{1B}[200~first line\r\nsecond\rthird\tZoë 李\u{1B}[201~y")
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.character("x")))
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .paste("first line\nsecond\nthird\tZoë 李"))
        XCTAssertEqual(terminal.nextEvent(timeoutMilliseconds: 2000), .key(.character("y")))
    } }

    func testTheFunctionKeysOfEachTerminalType() throws { try onMain {
        XCTAssertEqual(try headless(term: "xterm").functionKeys, Set(1...12))
        XCTAssertEqual(try headless(term: "linux").functionKeys, Set(1...12))
        XCTAssertEqual(try headless(term: "vt100").functionKeys, Set(1...4), "PF1-PF4; kf5-kf10 are the keypad's")
        XCTAssertEqual(try headless(term: "vt220").functionKeys, Set(1...12).subtracting([5]), "a vt220 has no F5 (Break)")
        XCTAssertTrue(try headless(term: "xterm").hasAlternateScreen)
        XCTAssertFalse(try headless(term: "linux").hasAlternateScreen)
        XCTAssertFalse(try headless(term: "vt100").hasAlternateScreen)
    } }

    func testTheFarewellClearsOnlyWhereThereIsNoAlternateScreen() throws { try onMain {
        XCTAssertEqual(String(decoding: try headless(term: "xterm").farewellBytes, as: UTF8.self), "\u{1B}[?2004l")
        XCTAssertEqual(String(decoding: try headless(term: "vt100").farewellBytes, as: UTF8.self), "\u{1B}[?2004l\u{1B}[H\u{1B}[J",
                       "vt100's clear, its $<50> padding removed")
        XCTAssertEqual(String(decoding: try headless(term: "linux").farewellBytes, as: UTF8.self), "\u{1B}[?2004l\u{1B}[H\u{1B}[J\u{1B}[3J")
    } }

    func testTheKeyBarShowsAnotherKeyWhereTheTerminalLacksTheFunctionKey() {
        MainActor.assumeIsolated {
            let table = ActionTable([Action(ActionID("next"), keys: [.function(6), .control("n")], label: "Next", help: "", inBar: true),
                                     Action(.help, keys: [.function(1), .character("?")], label: "Help", help: "", inBar: true)])
            XCTAssertEqual(table.barItems().map(\.key), ["F6", "F1"])
            XCTAssertEqual(table.barItems(functionKeys: Set(1...4)).map(\.key), ["^N", "F1"])
            let stuck = ActionTable([Action(ActionID("only"), keys: [.function(9)], label: "Only", help: "", inBar: true)])
            XCTAssertEqual(stuck.unreachable(functionKeys: Set(1...4)).map(\.id.rawValue), ["only"])
        }
    }
}

/// Which terminal types this machine's terminfo has (a test skips those it lacks).
enum KeySequencesTestSupport {
    static func terminfoHas(_ term: String) -> Bool {
        CursesTerminal.lookUpTerminfo(term) == .usable
    }
}
