import CivilTime
@testable import ESafetyCore
import XCTest

/// The schedule's rules: marking done, the next due date, overdue and optional items, the
/// seeded items, and the retention rule.
final class ReviewScheduleTests: XCTestCase {
    private func d(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }
    private let calendar = SchoolCalendar.placeholder(academicYears: 2024...2030)

    func testTheDefaultsCoverThePoliciesAndCiteTheirSources() throws {
        let schedule = try DefaultReviewSchedule.make(start: d("2026-11-25"), calendar: calendar)
        let ids = Set(schedule.items.map(\.id))
        for id in ["policy-review", "working-group", "governors-report", "training-audit", "induction-training", "technical-audit",
                   "password-change", "safer-internet-week", "aup-signing", "filtering-monitoring", "online-safety-review", "retention-review"] {
            XCTAssertTrue(ids.contains(id), id)
        }
        XCTAssertTrue(schedule.items.allSatisfy { !$0.source.isEmpty })
        let roles = Set(try! Workspace.defaultDirectory().roles.map(\.id))
        XCTAssertTrue(schedule.items.allSatisfy { roles.contains($0.ownerRoleID) }, "owners come from the role directory")
        let password = schedule.item("password-change")!
        XCTAssertTrue(password.isOptional)
        XCTAssertTrue(password.optionalReason.contains("NCSC"))
        XCTAssertEqual(schedule.item("safer-internet-week")?.cadence, .inMonth(2))
        XCTAssertEqual(schedule.item("working-group")?.cadence, .termly)
    }

    func testMarkingDoneMovesTheItemToItsNextDueDateAndKeepsTheHistory() throws {
        var schedule = try DefaultReviewSchedule.make(start: d("2026-09-01"), calendar: calendar)
        let today = d("2026-11-25")
        XCTAssertEqual(schedule.item("policy-review")?.nextDue(calendar: calendar), d("2026-09-01"))
        XCTAssertEqual(ReviewDue(item: schedule.item("policy-review")!, calendar: calendar, today: today).state, .overdue)

        try schedule.markDone("policy-review", ReviewCompletion(date: today, doneBy: " Tom Whitfield ", notes: "With FGB", evidence: "Minutes 12"), today: today)
        let item = try XCTUnwrap(schedule.item("policy-review"))
        XCTAssertEqual(item.nextDue(calendar: calendar), d("2027-11-25"))
        XCTAssertEqual(item.history.count, 1)
        XCTAssertEqual(item.lastDone?.doneBy, "Tom Whitfield")
        XCTAssertEqual(item.lastDone?.evidence, "Minutes 12")
        XCTAssertEqual(ReviewDue(item: item, calendar: calendar, today: today).state, .later)

        // A late entry for an earlier date joins the history but does not move the due date back.
        try schedule.markDone("policy-review", ReviewCompletion(date: d("2025-11-20"), doneBy: "Tom"), today: today)
        XCTAssertEqual(schedule.item("policy-review")?.history.map(\.date), [d("2025-11-20"), d("2026-11-25")])
        XCTAssertEqual(schedule.item("policy-review")?.nextDue(calendar: calendar), d("2027-11-25"))

        try schedule.markDone("working-group", ReviewCompletion(date: d("2026-10-08"), doneBy: "Working group"), today: today)
        XCTAssertEqual(schedule.item("working-group")?.nextDue(calendar: calendar), d("2027-03-31"), "termly: by the end of Spring")
    }

    func testMarkingDoneRefusesTheFutureNobodyAndUnknownItems() throws {
        var schedule = try DefaultReviewSchedule.make(start: d("2026-09-01"), calendar: calendar)
        let today = d("2026-11-25")
        XCTAssertThrowsError(try schedule.markDone("policy-review", ReviewCompletion(date: d("2026-11-26"), doneBy: "Tom"), today: today)) {
            XCTAssertEqual($0 as? ReviewError, .doneInTheFuture("26/11/2026"))
        }
        XCTAssertThrowsError(try schedule.markDone("policy-review", ReviewCompletion(date: today, doneBy: "  "), today: today)) {
            XCTAssertEqual($0 as? ReviewError, .missingDoneBy)
        }
        XCTAssertThrowsError(try schedule.markDone("nope", ReviewCompletion(date: today, doneBy: "Tom"), today: today))
        XCTAssertTrue(schedule.items.allSatisfy { $0.history.isEmpty }, "a refused change changes nothing")
    }

    func testOptionalItemsAreNeverOverdueAndTheListIsSoonestFirst() throws {
        let schedule = try DefaultReviewSchedule.make(start: d("2026-01-01"), calendar: calendar)
        let list = schedule.dueList(calendar: calendar, today: d("2026-11-25"))
        XCTAssertEqual(list.last?.item.id, "password-change")
        XCTAssertEqual(list.last?.state, .optional)
        let dated = list.filter { $0.state != .optional }.map(\.due)
        XCTAssertEqual(dated, dated.sorted())
        XCTAssertEqual(ReviewDue(item: schedule.item("policy-review")!, calendar: calendar, today: d("2026-01-31")).whenInWords, "30 days overdue")
    }

    func testRetentionReviewFallsDueOnThePupilsTwentyFifthBirthday() {
        XCTAssertEqual(RetentionRule.reviewDate(dateOfBirth: d("2010-03-14")), d("2035-03-14"))
        XCTAssertEqual(RetentionRule.reviewDate(dateOfBirth: d("2008-02-29")), d("2033-03-01"), "a leap-day birthday is reached on 1 March")
        XCTAssertEqual(RetentionRule.reviewDate(dateOfBirth: d("2004-02-29")), d("2029-03-01"))
        let records = [
            RetentionRecord(recordID: "INC-3", pupilDateOfBirth: d("2001-06-02")),
            RetentionRecord(recordID: "INC-1", pupilDateOfBirth: d("2001-05-31")),
            RetentionRecord(recordID: "INC-2", pupilDateOfBirth: d("2001-06-01")),
            RetentionRecord(recordID: "INC-4", pupilDateOfBirth: nil),
        ]
        let report = RetentionRule.report(records, today: d("2026-06-01"))
        XCTAssertEqual(report.due.map(\.record.recordID), ["INC-1", "INC-2"], "due on the birthday itself, not the day before")
        XCTAssertEqual(report.due.first?.reviewDate, d("2026-05-31"))
        XCTAssertEqual(report.withoutDateOfBirth.map(\.recordID), ["INC-4"])
    }
}
