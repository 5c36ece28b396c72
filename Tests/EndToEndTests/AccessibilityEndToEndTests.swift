import Foundation
import XCTest
import TestSupport

/// What screen readers and plain terminals need, on the built binary in tmux: the terminal's own
/// cursor sits on the selected item and in the field being edited (read with
/// `display -p '#{cursor_x},#{cursor_y}'`), `--ascii` draws boxes and bars in ASCII, and the
/// high-contrast theme runs.
final class AccessibilityEndToEndTests: XCTestCase {
    private func openDemo(_ extra: String = "", height: Int = 24) throws -> TmuxSession {
        let binary = try esafetyBinary()
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path)) \(extra)", height: height)
        try app.signIn(as: "Amira Haddad")
        return app
    }

    /// The row of the screen holding `text`, or nil.
    private func row(of text: String, in screen: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }

    func testTheCursorFollowsTheSelectedItemAndTheFieldBeingEdited() throws {
        let app = try openDemo()
        var screen = try app.waitFor("3  Role directory")
        // The home menu starts on Role directory: the cursor is at the start of its row.
        var cursor = try XCTUnwrap(app.cursor())
        XCTAssertEqual(cursor.y, row(of: "3  Role directory", in: screen), "cursor at \(cursor) on:\n\(screen)")
        XCTAssertEqual(cursor.x, 2)
        app.send(keys: "Down")
        try app.waitUntil("the cursor to move down") { _ in app.cursor()?.y == cursor.y + 1 }
        XCTAssertTrue(app.cursorIsVisible(), "the cursor is shown, for screen readers")
        // A list: the cursor is on the selected row.
        app.send(keys: "Up", "Enter")
        try app.waitFor("1  Roles")
        app.send(keys: "2")
        screen = try app.waitFor("people in the directory")
        cursor = try XCTUnwrap(app.cursor())
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.indices.contains(cursor.y) && !lines[cursor.y].trimmingCharacters(in: .whitespaces).isEmpty,
                      "the cursor is on a row of the list, at \(cursor):\n\(screen)")
        app.send(keys: "Down")
        try app.waitUntil("the cursor to follow the selection") { _ in app.cursor()?.y == cursor.y + 1 }
        // A text field: the cursor is where the next character goes.
        // Two Escapes lead home (People, then the directory). A third one, sent as before, could
        // reach a loaded app in one read with the "1" after it, and curses took the pair as Alt-1.
        app.send(keys: "Escape", "Escape")
        try app.openIncidentForm()
        app.send(keys: "Tab", "Tab")
        app.type("Zoë")
        try app.waitFor("Zoë")
        let before = try XCTUnwrap(app.cursor())
        app.type("ab")
        screen = try app.waitFor("Zoëab")
        let after = try XCTUnwrap(app.cursor())
        XCTAssertEqual(after.y, before.y)
        XCTAssertEqual(after.x, before.x + 2, "the cursor is after the typed text")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(rows.indices.contains(after.y) && rows[after.y].contains("Zoëab"), "the cursor is on the field's row:\n\(screen)")
        let typedEnd = rows[after.y].range(of: "Zoëab").map { rows[after.y].distance(from: rows[after.y].startIndex, to: $0.upperBound) }
        XCTAssertEqual(typedEnd, after.x, "right after the last character typed")
        // Ctrl-W, a readline key, deletes the word before the cursor, through a real terminal.
        app.send(keys: "C-w")
        try app.waitUntil("Ctrl-W to delete the word") { !$0.contains("Zoëab") }
        XCTAssertEqual(app.cursor()?.x, before.x - 3)
        // Help: the cursor sits in the help box, not on the screen behind it.
        app.send(keys: "F1")
        screen = try app.waitFor("Help: ")
        let helpCursor = try XCTUnwrap(app.cursor())
        XCTAssertNotEqual(helpCursor.y, after.y)
        app.send(keys: "Escape")
        try app.waitUntil("help to close") { !$0.contains("Help: ") }
    }

    func testASCIIDrawsBoxesAndBarsInASCII() throws {
        let app = try openDemo("--ascii")
        try app.waitFor("3  Role directory")
        app.send(keys: "F1")
        let help = try app.waitFor("Help: Home")
        XCTAssertTrue(help.contains("+-"), help)
        for drawing in ["┌", "─", "│", "█", "›"] { XCTAssertFalse(help.contains(drawing), "\(drawing) under --ascii:\n\(help)") }
        app.send(keys: "Escape")  // alone: Esc and a digit in one write are an Alt chord, ignored
        try app.waitUntil("help closed") { !$0.contains("Help: Home") }
        app.send(keys: "1", "5")
        let figures = try app.waitFor("By type")
        XCTAssertTrue(figures.contains(" |#"), "the bars are drawn with # from a | baseline:\n\(figures)")
        XCTAssertFalse(figures.contains("█"))
    }

    func testHighContrastRuns() throws {
        let app = try openDemo("--high-contrast")
        try app.waitFor("3  Role directory")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }
}
