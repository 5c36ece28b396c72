import Foundation
import XCTest
import TestSupport

/// Pasting through tmux into the built binary: a 100 KB paste into an incident's description
/// arrives whole (bracketed paste, one edit, one draft save), and a SIGKILL right after it, or
/// right after typing, loses at most the last half-second of typing.
final class PasteEndToEndTests: XCTestCase {
    private func open(_ store: URL) throws -> TmuxSession {
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))")
        try app.signIn(as: "Tom Whitfield")
        app.send(keys: "1")
        try app.waitFor("1  Record an incident")
        app.send(keys: "1")
        return app
    }

    /// Kills esafety with SIGKILL, opens it again and continues the draft it offers back.
    private func killAndResume(_ app: TmuxSession, store: URL) throws -> TmuxSession {
        try app.signalProgram("KILL")
        XCTAssertEqual(try app.waitForExit(), 137)
        app.kill()
        let again = try open(store)
        try again.waitFor("You have an unfinished incident report")
        again.send(keys: "y")
        return again
    }

    /// 100 KB of numbered lines between two markers.
    private static let pasted: String = {
        var lines = ["BEGIN-OF-PASTE"]
        var size = 0
        var number = 1
        while size < 100 * 1024 {
            let line = String(format: "Line %04d of the notes pasted from the school's incident notebook, word for word.", number)
            lines.append(line)
            size += line.utf8.count + 1
            number += 1
        }
        lines.append("END-OF-PASTE")
        return lines.joined(separator: "\n")
    }()

    func testA100KBPasteShowsInFullAndASIGKILLAfterItLosesNothing() throws {
        let store = try makeDemoStore()
        let app = try open(store)
        try app.waitFor("Step 1 of 9")
        // The description is step 4: F2 goes to the last step, F5 back from there needs no checks.
        app.send(keys: "F2")
        try app.waitFor("Step 9 of 9")
        app.send(keys: "F5", "F5", "F5", "F5", "F5")
        try app.waitFor("Step 4 of 9: Description of incident")
        try app.paste(Self.pasted)
        try app.waitFor("END-OF-PASTE", timeout: 20)
        // Paged up to its first line (2,560 rows at 80 columns): all of it is there.
        app.send(keys: Array(repeating: "PPage", count: 400))
        let top = try app.waitFor("BEGIN-OF-PASTE", timeout: 20)
        XCTAssertTrue(top.contains("Line 0001 of the notes"), top)
        app.send(keys: Array(repeating: "NPage", count: 400))
        try app.waitFor("END-OF-PASTE", timeout: 20)

        // The paste was saved as one edit before it was drawn: a SIGKILL now loses none of it.
        let again = try killAndResume(app, store: store)
        let resumed = try again.waitFor("END-OF-PASTE")
        XCTAssertTrue(resumed.contains("Step 4 of 9"), resumed)
        let lastLine = try XCTUnwrap(Self.pasted.split(separator: "\n").dropLast().last)
        XCTAssertTrue(resumed.contains(lastLine.prefix(22)), "the last numbered line (\(lastLine.prefix(22))) came back:\n\(resumed)")
        again.send(keys: Array(repeating: "PPage", count: 400))
        try again.waitFor("BEGIN-OF-PASTE", timeout: 20)
        again.send(keys: "F10")
        XCTAssertEqual(try again.waitForExit(), 0)
    }

    func testASIGKILLLosesAtMostTheLastHalfSecondOfTyping() throws {
        let store = try makeDemoStore()
        let app = try open(store)
        try app.waitFor("Step 1 of 9")
        app.send(keys: "Tab", "Tab")
        app.type("Typed before the pause")
        try app.waitFor("Typed before the pause")
        try app.waitFor("Draft saved")  // typing paused: saved once
        app.send(keys: "Tab")
        app.type("typed just before the kill")
        try app.waitFor("typed just before the kill")
        let again = try killAndResume(app, store: store)
        let resumed = try again.waitFor("Typed before the pause")
        XCTAssertTrue(resumed.contains("Step 1 of 9"), resumed)
        again.send(keys: "F10")
        XCTAssertEqual(try again.waitForExit(), 0)
    }
}
