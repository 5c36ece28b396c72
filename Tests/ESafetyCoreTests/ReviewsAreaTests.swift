import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// `workspace.reviews` on a real store: seeded on create, marking done is saved, audited and
/// survives reopening; an unreadable schedule is reported and never overwritten.
final class ReviewsAreaTests: StoreTestCase {
    private let fixedNow = { Date(timeIntervalSince1970: 1_795_608_000) }   // 2026-11-25 12:00 UTC

    func testMarkDoneIsSavedAuditedAndSurvivesReopening() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true, now: fixedNow)
        workspace.timeZone = TimeZone(identifier: "UTC")!
        let today = workspace.today
        XCTAssertEqual(today.iso8601, "2026-11-25")
        XCTAssertEqual(workspace.reviews.dueList().first { $0.item.id == "policy-review" }?.state, .overdue, "the demo has the policy review overdue")

        try workspace.reviews.markDone("policy-review", date: today, doneBy: "Sam Patel", notes: "With governors", evidence: "FGB minutes 12")
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "review.done")
        XCTAssertEqual(try workspace.store.auditEntries().last?.recordID, "policy-review")
        workspace.store.close()

        let reopened = try Workspace.open(at: storeURL, actor: sam)
        defer { reopened.store.close() }
        reopened.now = fixedNow
        reopened.timeZone = TimeZone(identifier: "UTC")!
        let item = try XCTUnwrap(reopened.reviews.schedule.item("policy-review"))
        XCTAssertEqual(item.lastDone?.recordedBy, "Amira Haddad", "recorded as the person signed in")
        XCTAssertEqual(item.lastDone?.evidence, "FGB minutes 12")
        XCTAssertEqual(item.nextDue(calendar: reopened.reviews.calendar).iso8601, "2027-11-25")
        XCTAssertEqual(item.history.count, 3, "the demo's two earlier reviews are kept")
    }

    func testAnUnreadableScheduleIsReportedAndNeverOverwritten() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, now: fixedNow)
        workspace.store.close()
        let broken = Data("{ \"items\": [".utf8)
        try broken.write(to: URL(fileURLWithPath: path("reviews.json")))
        let reopened = try Workspace.open(at: storeURL, actor: sam)
        defer { reopened.store.close() }
        XCTAssertNotNil(reopened.reviews.loadProblem)
        XCTAssertTrue(reopened.reviews.loadProblem?.contains("reviews.json") ?? false, reopened.reviews.loadProblem ?? "")
        XCTAssertThrowsError(try reopened.reviews.markDone("policy-review", date: reopened.today, doneBy: "Sam"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("reviews.json"))), broken)
    }

    func testTermDatesAreSavedAndNoLongerPlaceholders() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, now: fixedNow)
        XCTAssertFalse(workspace.reviews.calendar.confirmed)
        var autumn = workspace.reviews.calendar.terms(ofAcademicYear: 2026)[0]
        autumn.start = try CivilDate.parse("2026-09-03").get()
        autumn.end = try CivilDate.parse("2026-12-18").get()
        try workspace.reviews.updateTerm(autumn)
        workspace.store.close()
        let reopened = try Workspace.open(at: storeURL, actor: sam)
        defer { reopened.store.close() }
        XCTAssertTrue(reopened.reviews.calendar.confirmed)
        XCTAssertEqual(reopened.reviews.calendar.terms(ofAcademicYear: 2026)[0].end.iso8601, "2026-12-18")
        XCTAssertEqual(reopened.reviews.calendar.label(for: try CivilDate.parse("2026-12-19").get()), "Christmas holiday 2026")
    }

    func testRetentionHookFeedsTheReport() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, now: fixedNow)
        defer { workspace.store.close() }
        XCTAssertEqual(workspace.reviews.retentionReport(), RetentionReport(due: [], withoutDateOfBirth: []),
                       "connected to the incidents, of which there are none")
        workspace.reviews.retentionRecordSource = {
            [RetentionRecord(recordID: "INC-1", pupilDateOfBirth: try? CivilDate.parse("2000-01-01").get())]
        }
        XCTAssertEqual(workspace.reviews.retentionReport()?.due.map(\.record.recordID), ["INC-1"])
    }
}
