import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

@MainActor
final class IncidentScreenTests: AppTestCase {
    private func openNewestIncident() {
        press(.character("1"), .character("2"))
        XCTAssertEqual(app.top.title, "Incident log")
        press(.enter)
    }

    func testTheLogListsNewestFirstAndOpensTheReport() async throws {
        try launch(demo: true)
        press(.character("1"), .character("2"))
        assertScreen(contains: "3 of 3 incidents")
        let lines = screen.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.contains("2026-000") }
        XCTAssertEqual(rows.count, 3, screen)
        XCTAssertTrue(rows[0].contains("2026-0003"), "newest first:\n\(screen)")
        press(.enter)
        XCTAssertEqual(app.top.title, "2026-0003")
        assertScreen(contains: "E-safety Incident Report Form: 2026-0003")
        assertScreen(contains: "Status: open")
    }

    func testClosingFromTheScreenNeedsAnOutcomeAndIsKept() async throws {
        try launch(demo: true)
        openNewestIncident()
        press(.function(6))
        XCTAssertEqual(app.top.title, "Status of 2026-0003")
        press(.function(2))
        assertScreen(contains: "Outcome or reason is required")
        // The refused save put the cursor in the field that needs attention.
        type("Game blocked; parents spoke to the pupil")
        press(.function(2))
        XCTAssertEqual(app.top.title, "2026-0003")
        if try XCTUnwrap(workspace.incidents().record("2026-0003")).followUps.contains(where: { !$0.isDone }) {
            // Follow-ups still open: listed, and asked first.
            assertScreen(contains: "still open")
            press(.character("y"))
        }
        assertScreen(contains: "2026-0003 is now closed")
        let record = try XCTUnwrap(try workspace.incidents().record("2026-0003"))
        XCTAssertEqual(record.status, .closed)
        XCTAssertEqual(record.report.outcome, "Game blocked; parents spoke to the pupil")
    }

    func testAnIncidentWhoseFileWasDamagedAfterTheLogOpenedSaysSoNamingTheFile() async throws {
        try launch(demo: true)
        workspace.session = workspace.session  // a fresh log: nothing read whole yet
        press(.character("1"), .character("2"))
        assertScreen(contains: "3 of 3 incidents")
        try Data("{ damaged".utf8).write(to: storeURL.appendingPathComponent("incidents/2026-0003.json"))
        press(.enter)
        XCTAssertEqual(app.top.title, "2026-0003")
        assertScreen(contains: "Incident 2026-0003 cannot be opened")
        assertScreen(contains: "incidents/2026-0003.json")
        press(.function(6))
        XCTAssertEqual(app.top.title, "2026-0003", "nothing to change on a record that cannot be read")
    }

    func testFiltersNarrowTheLog() async throws {
        try launch(demo: true)
        press(.character("1"), .character("2"), .function(3))
        XCTAssertEqual(app.top.title, "Filter")
        press(.right, .right)  // status: any → open → closed
        press(.function(2))
        assertScreen(contains: "1 of 3 incidents · filtered: closed")
        press(.character("x"))
        assertScreen(contains: "3 of 3 incidents")
    }

    func testTheCountFollowsTheSlashFilterToo() async throws {
        try launch(demo: true)
        press(.character("1"), .character("2"), .character("/"))
        for character in "bull" { press(.character(character)) }
        assertScreen(contains: "1 of 3 incidents")
        press(.escape)  // the typed filter cancelled: every row again
        assertScreen(contains: "3 of 3 incidents")
    }

    func testGovernorsFiguresShowNoNames() async throws {
        try launch(demo: true)
        press(.character("1"), .character("5"))  // after My reports
        assertScreen(contains: "Incidents recorded: 3")
        assertScreen(contains: "By term")
        XCTAssertFalse(screen.contains("Zoë"))
        XCTAssertFalse(screen.contains("Arlo"))
    }

    func testEscKeepsTheDraftAndTheFormOffersItBack() async throws {
        try launch()
        press(.character("1"), .character("1"))
        type("01/11/2026")
        let left = press(.escape)
        XCTAssertTrue(left.contains("Your unfinished report is kept"), left)
        XCTAssertEqual(try workspace.incidents().draft()?.report.occurredOn?.description, "01/11/2026")
        press(.character("1"))
        assertScreen(contains: "You have an unfinished incident report")
        press(.character("y"))
        assertScreen(contains: "01/11/2026")
    }
}
