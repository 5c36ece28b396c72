import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

@MainActor
final class HomeScreenTests: AppTestCase {
    func testHomeScreenListsTheFiveAreasAndSettingsAt80x24() async throws {
        try launch(demo: true)
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 24)
        XCTAssertTrue(lines[0].hasPrefix(" esafety │ Home"), lines[0])
        XCTAssertTrue(lines[0].contains("Amira Haddad (head"), "the status names who is signed in: \(lines[0])")
        XCTAssertEqual(lines[2], "  Hollybrook Primary School (fictional demo)")
        let menu = Array(lines[4...9])
        XCTAssertTrue(menu[0].contains("1  Incidents"), menu[0])
        XCTAssertFalse(screen.contains("not built yet"), "every area is built now")
        XCTAssertTrue(menu[1].contains("2  Response flowchart"))
        XCTAssertTrue(menu[2].contains("3  Role directory"))
        XCTAssertTrue(menu[3].contains("4  AUP signatures"))
        XCTAssertTrue(menu[4].contains("5  Review schedule"))
        XCTAssertTrue(menu[5].contains("6  Settings"))
        XCTAssertTrue(screen.contains("Designated e-safety lead: Tom Whitfield"))
        XCTAssertTrue(lines[23].hasPrefix("F9SignOut F1Help EscBack F10Quit"), lines[23])
    }

    func testTwoOpensTheResponseFlowchart() async throws {
        try launch()
        let shown = press(.character("2"))
        XCTAssertEqual(app.breadcrumb, "Home › Response flowchart")
        XCTAssertTrue(shown.contains("Walk it for an open incident"), shown)
    }

    func testNumberKeysOpenAreasAndEscComesBack() async throws {
        try launch()
        press(.character("3"))
        XCTAssertEqual(app.breadcrumb, "Home › Role directory")
        press(.character("1"))
        XCTAssertEqual(app.breadcrumb, "Home › Role directory › Roles")
        press(.escape, .escape)
        XCTAssertEqual(app.breadcrumb, "Home")
    }

    func testHelpIsGeneratedFromTheActionTable() async throws {
        try launch()
        let shown = press(.function(1))
        XCTAssertTrue(shown.contains("Help: Home"), shown)
        XCTAssertTrue(shown.contains("F10 Ctrl-C"), "global keys are listed from the same table that handles them")
        XCTAssertTrue(shown.contains("Quit esafety"))
        press(.character("x"))
        XCTAssertTrue(screen.contains("Help: Home"), "other keys leave help open, so it can be read in full")
        press(.escape)
        XCTAssertFalse(screen.contains("Help: Home"), "Esc closes help")
        press(.character("?"))
        assertScreen(contains: "Help: Home")
        press(.function(1))
        XCTAssertFalse(screen.contains("Help: Home"), "F1 closes help")
        press(.character("?"), .character("q"))
        XCTAssertFalse(screen.contains("Help: Home"), "q closes help")
        assertScreen(contains: "3  Role directory")
        press(.character("?"), .function(10))
        XCTAssertFalse(screen.contains("Help: Home"), "F10 quits from help too")
    }

    func testQuitFromHomeWithQ() async throws {
        try launch()
        // The real run loop, fed q and then a key that would open the role directory: q must
        // end the loop before that key is read.
        terminal.type(.character("q"), .character("3"))
        app.run()
        XCTAssertFalse(app.isRunning)
        XCTAssertTrue(terminal.hasPendingEvents, "the key after q was never read: the app stopped at q")
        XCTAssertFalse(terminal.text.contains("Role directory ›"), terminal.text)
    }

    func testTooSmallTerminalSaysSoAndRecovers() async throws {
        try launch(size: Size(width: 50, height: 12))
        XCTAssertTrue(screen.contains("Terminal too small"))
        XCTAssertTrue(screen.contains("50x12, needs 60x16"))
        terminal.resize(to: Size(width: 80, height: 24))
        app.process(terminal.nextEvent(timeoutMilliseconds: 0))
        XCTAssertFalse(screen.contains("Terminal too small"))
        assertScreen(contains: "3  Role directory")
    }

    func testWideTerminalUsesTheRoom() async throws {
        try launch(demo: true, size: Size(width: 140, height: 40))
        let lines = screen.split(separator: "\n").map(String.init)
        let menuLine = try XCTUnwrap(lines.first { $0.contains("3  Role directory") })
        XCTAssertFalse(menuLine.contains("Who to tell"))
        XCTAssertTrue(lines.contains { $0.contains("3  Role directory") && $0.count > 70 } || lines.contains { $0.dropFirst(60).contains("Who to tell") },
                      "the summary sits beside the menu on a wide terminal:\n\(screen)")
    }
}
