import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Incidents › Records past retention and Incidents › Subject access requests, on a demo store.
@MainActor
final class StatutoryScreensTests: AppTestCase {
    /// The demo's clock moved to 2047, when Zoë Ōkubo (born 01/01/2021) is past 25.
    private func launchIn2047() throws {
        try launch(demo: true)
        workspace.now = { ISO8601DateFormatter().date(from: "2047-01-01T12:00:00Z")! }
        try signInDemo("Tom Whitfield")
    }

    func testALeadDestroysARecordPastRetentionWithAReasonAfterConfirming() async throws {
        try launchIn2047()
        press(.character("1"))
        assertScreen(contains: "Records past retention")
        press(.character("7"))
        XCTAssertEqual(app.top.title, "Records past retention")
        let row = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("2026-0001") }, screen)
        XCTAssertTrue(row.contains("Zoë Ōkubo") && row.contains("01/01/2021") && row.contains("01/01/2046"), String(row))
        let amir = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Amir Jönsson") }, "each child of 2026-0002 on a row:\n\(screen)")
        XCTAssertTrue(amir.contains("2026-0002") && amir.contains("02/02/2021") && amir.contains("02/02/2046"), String(amir))

        press(.character("d"))
        XCTAssertEqual(app.top.title, "Destroy incident 2026-0001")
        press(.function(2))
        assertScreen(contains: "Please correct the fields")
        type("Retention review January 2047")
        press(.function(2))
        assertScreen(contains: "Destroy incident 2026-0001 for good?")
        press(.character("n"))
        XCTAssertNotNil(try workspace.incidents().loadRecord("2026-0001"), "Keep keeps it")
        XCTAssertEqual(app.top.title, "Records past retention")

        press(.enter)
        type("Retention review January 2047")
        press(.function(2), .character("y"))
        assertScreen(contains: "Destroyed incident 2026-0001 (recorded ")
        XCTAssertEqual(app.top.title, "Records past retention")
        XCTAssertFalse(screen.contains("2026-0001,"), "gone from the list:\n\(screen)")
        assertScreen(contains: "2026-0003, ")
        XCTAssertFalse(FileManager.default.fileExists(atPath: storeURL.appendingPathComponent("incidents/2026-0001.json").path))
        let audit = try String(contentsOf: storeURL.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("past retention: Retention review January 2047"), "the tombstone")
    }

    func testOthersSeeNeitherStatutoryEntry() async throws {
        try launchIn2047()
        try signInDemo("Siobhán Byrne")
        press(.character("1"))
        XCTAssertFalse(screen.contains("Records past retention"), screen)
        XCTAssertFalse(screen.contains("Subject access requests"), screen)
    }

    func testALeadRecordsARequestSeesItsDueDateAndMarksItAnswered() async throws {
        try launch(demo: true)
        try signInDemo("Tom Whitfield")
        press(.character("1"), .character("8"))
        XCTAssertEqual(app.top.title, "Subject access requests")
        assertScreen(contains: "esafety sar PERSON -o FILE")
        assertScreen(contains: "SAR-0001")

        press(.function(7))
        XCTAssertEqual(app.top.title, "Record a subject access request")
        let due = SubjectAccessRequest.dueDate(receivedOn: workspace.today)
        assertScreen(contains: "Due \(due), a calendar month after receipt")
        type("Bea Quarry")
        press(.tab)
        type("her father")
        press(.function(2))
        assertScreen(contains: "Recorded SAR-0002: Bea Quarry, asked by her father; due \(due).")
        let row = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("SAR-0002") }, screen)
        XCTAssertTrue(row.contains("open") && row.contains("\(due)"), String(row))

        press(.home, .character("x"))
        assertScreen(contains: "Marked SAR-0002 answered on \(workspace.today)")
        let requests = try workspace.subjectAccessRequests()
        XCTAssertEqual(requests.filter(\.isDone).map(\.id), ["SAR-0002"])
        press(.character("x"))
        assertScreen(contains: "was answered on \(workspace.today) already")
    }
}
