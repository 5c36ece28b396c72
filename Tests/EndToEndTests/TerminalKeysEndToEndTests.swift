import Foundation
import XCTest
import TestSupport

/// The built binary under each common TERM in tmux: the raw bytes each terminal sends for
/// Home, End, Insert, Delete, PgUp, PgDn, F-keys, Shift-Tab and the arrows (`send-keys -H`);
/// the screen left behind after quitting on terminals with no alternate screen; the key bar
/// where TERM has no F-keys.
final class TerminalKeysEndToEndTests: XCTestCase {
    /// What one terminal type sends. `nil` for a key the terminal does not have.
    private struct Terminal {
        var term: String
        var home: String?, end: String?, insert: String?, delete: String?
        var f1: String, f2: String, f5: String?, f6: String?
        var backTab: String
        var left: String
    }

    private static let esc = "\u{1B}"
    private static let terminals: [Terminal] = [
        // PuTTY's defaults: TERM=xterm, the vt220-style editing keys and ESC [ n ~ function keys.
        Terminal(term: "xterm", home: esc + "[1~", end: esc + "[4~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "[11~", f2: esc + "[12~", f5: esc + "[15~", f6: esc + "[17~", backTab: esc + "[Z", left: esc + "[D"),
        Terminal(term: "xterm-256color", home: esc + "OH", end: esc + "OF", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "OP", f2: esc + "OQ", f5: esc + "[15~", f6: esc + "[17~", backTab: esc + "[Z", left: esc + "OD"),
        Terminal(term: "rxvt-unicode", home: esc + "[7~", end: esc + "[8~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "[11~", f2: esc + "[12~", f5: esc + "[15~", f6: esc + "[17~", backTab: esc + "[Z", left: esc + "[D"),
        Terminal(term: "rxvt", home: esc + "[7~", end: esc + "[8~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "[11~", f2: esc + "[12~", f5: esc + "[15~", f6: esc + "[17~", backTab: esc + "[Z", left: esc + "[D"),
        Terminal(term: "screen", home: esc + "[1~", end: esc + "[4~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "OP", f2: esc + "OQ", f5: esc + "[15~", f6: esc + "[17~", backTab: esc + "[Z", left: esc + "OD"),
        Terminal(term: "tmux", home: esc + "[1~", end: esc + "[4~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "OP", f2: esc + "OQ", f5: esc + "[15~", f6: esc + "[17~", backTab: esc + "[Z", left: esc + "OD"),
        Terminal(term: "linux", home: esc + "[1~", end: esc + "[4~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "[[A", f2: esc + "[[B", f5: esc + "[[E", f6: esc + "[17~", backTab: esc + "\t", left: esc + "[D"),
        // A vt100 has no editing keys and only PF1-PF4 (sent as F1-F4).
        Terminal(term: "vt100", home: nil, end: nil, insert: nil, delete: nil,
                 f1: esc + "OP", f2: esc + "OQ", f5: nil, f6: nil, backTab: esc + "[Z", left: esc + "OD"),
        // A vt220: Find and Select stand for Home and End; no F5.
        Terminal(term: "vt220", home: esc + "[1~", end: esc + "[4~", insert: esc + "[2~", delete: esc + "[3~",
                 f1: esc + "OP", f2: esc + "OQ", f5: nil, f6: esc + "[17~", backTab: esc + "[Z", left: esc + "[D"),
    ]

    /// Signs in as the e-safety lead and opens the incident form's first step.
    private func openForm(_ store: URL, term: String) throws -> TmuxSession {
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", term: term)
        try app.signIn(as: "Tom Whitfield")
        app.send(keys: "1")
        try app.waitFor("1  Record an incident")
        app.send(keys: "1")
        let shown = try app.waitUntil("the form or the offer of a draft") { $0.contains("Step 1 of 9") || $0.contains("Unfinished report") }
        if shown.contains("Unfinished report") { app.send(keys: "n") }  // an earlier terminal's draft
        try app.waitFor("Step 1 of 9: Details of incident")
        return app
    }

    func testEveryTerminalsKeysWorkInTheIncidentForm() throws {
        let store = try makeDemoStore()
        for terminal in Self.terminals {
            let app = try openForm(store, term: terminal.term)
            app.send(keys: "Tab", "Tab")  // "Reported by", a text field
            app.type("abc")
            try app.waitFor("abc")
            if let home = terminal.home, let end = terminal.end, let delete = terminal.delete, let insert = terminal.insert {
                // Home X, End Y, Insert (nothing), Home Del: "abcY". Read as Esc plus letters, Home
                // would ask "Discard changes?" or leave the form.
                app.send(bytes: home + "X" + end + "Y" + insert + home + delete)
                try app.waitFor("Reported by *          abcY", timeout: 5)
            }
            app.send(bytes: (terminal.end ?? "") + terminal.left + terminal.left + "Z")
            try app.waitFor(terminal.home == nil ? "aZbc" : "abZcY")
            // Shift-Tab back to "Time", then Tab again.
            app.send(bytes: terminal.backTab)
            try app.waitFor("HH:MM, 24-hour clock, if known")
            app.send(bytes: terminal.f1)
            try app.waitFor("Help: Record an incident")
            app.send(keys: "Escape")
            try app.waitUntil("help closed") { !$0.contains("Help: Record an incident") }
            if let f5 = terminal.f5 {
                app.send(bytes: f5)
                try app.waitFor("This is the first step.")
            }
            // F6 where the terminal has it, else the key the key bar shows for Next (^N).
            let bar = try app.waitFor("Next")
            if let f6 = terminal.f6 {
                XCTAssertTrue(bar.contains("F6Next"), "\(terminal.term):\n\(bar)")
                app.send(bytes: f6)
            } else {
                XCTAssertTrue(bar.contains("^NNext") && bar.contains("^PPrev"), "\(terminal.term) has no F5/F6:\n\(bar)")
                app.send(keys: "C-n")
            }
            try app.waitFor("Please correct the fields marked in red")
            app.send(bytes: terminal.f2)
            try app.waitFor("Step 9 of 9: Check and submit")
            app.send(keys: "C-c")
            XCTAssertEqual(try app.waitForExit(), 0, terminal.term)
            app.kill()
        }
    }

    func testAnUnknownSequenceIsIgnoredWholeAndEscStillLeaves() throws {
        let store = try makeDemoStore()
        let app = try openForm(store, term: "xterm")
        app.send(keys: "Tab", "Tab")
        // An unknown CSI, a focus-in report, Alt-x: none may read as Esc (leaving) plus letters.
        app.send(bytes: Self.esc + "[99;9~" + Self.esc + "[I" + Self.esc + "x" + "ok")
        let screen = try app.waitFor("Reported by *          ok")
        XCTAssertTrue(screen.contains("Step 1 of 9"), screen)
        app.send(keys: "Escape")
        try app.waitFor("Your unfinished report is kept")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }

    /// Under the Linux console and a vt100 there is no alternate screen: what was shown would
    /// stay under the shell prompt. Quitting, a hang-up and a crash signal all clear it.
    func testNothingOfARecordIsLeftOnScreenAfterQuittingHangUpOrCrash() throws {
        let store = try makeDemoStore()
        for (term, ending) in [("linux", "quit"), ("vt100", "quit"), ("linux", "HUP"), ("vt100", "SEGV"), ("linux", "TERM")] {
            let binary = try esafetyBinary()
            let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", term: term)
            try app.signIn(as: "Tom Whitfield")
            app.send(keys: "1")
            try app.waitFor("2  Incident log")
            app.send(keys: "2")
            try app.waitFor("2026-0001")
            app.send(keys: "Enter")
            let record = try app.waitFor("E-safety Incident Report Form")
            let lines = record.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count > 12 }
            switch ending {
            case "quit": app.send(keys: "F10")
            default: try app.signalProgram(ending)
            }
            _ = try app.waitForExit()
            let left = try app.waitUntil("the screen cleared after \(ending) under \(term)") { !$0.contains("E-safety Incident Report Form") }
            for line in lines where !line.contains("esafety stopped with signal") {
                XCTAssertFalse(left.contains(line), "\(term), \(ending): \"\(line)\" is still on screen:\n\(left)")
            }
            if ending == "SEGV" { XCTAssertTrue(left.contains("stopped with signal 11"), left) }
            if ending == "SEGV" {  // the handler chained to the one it replaced: the Swift runtime's backtracer
                let backtrace = (try? String(contentsOf: app.directory.appendingPathComponent("backtrace.txt"), encoding: .utf8)) ?? ""
                XCTAssertTrue(backtrace.contains("crashed"), "no backtrace after the chained handler:\n\(backtrace)")
            }
            app.kill()
        }
    }
}
