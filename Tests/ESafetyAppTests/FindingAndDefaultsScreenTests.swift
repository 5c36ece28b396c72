import CivilTime
import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

/// Finding and feedback, and the flowchart's defaults, at 80x24 on the demo store: `/` in the
/// incident log finds the people involved, types and ids; a follow-up is the signed-in
/// person's unless they choose another; the walk offers the form's answers, marked, records
/// the child as instigator, and its checklist has the social networking site's action.
@MainActor
final class FindingAndDefaultsScreenTests: AppTestCase {
    func testSlashInTheLogFindsThePeopleInvolvedTheTypesAndTheIds() async throws {
        try launch(demo: true)
        let record = try officeReport(child: "Quinn Zephyrine", allegationAgainstStaff: false)
        try signInDemo("Tom Whitfield")
        let others = try workspace.incidents().summaries.map(\.id).filter { $0 != record.id }
        XCTAssertFalse(others.isEmpty)
        press(.character("1"), .character("2"))
        XCTAssertEqual(app.top.title, "Incident log")
        for query in ["zephyrine", record.id] {
            press(.character("/"))
            let found = type(query)
            XCTAssertTrue(found.contains(record.id), "\(query): \(found)")
            for id in others { XCTAssertFalse(found.contains(id), "\(query) shows \(id): \(found)") }
            press(.escape)
        }
        press(.character("/"))
        XCTAssertTrue(type("gambling").contains(record.id))
    }

    func testAFollowUpIsTheSignedInPersonsUnlessTheyChooseAnother() async throws {
        try launch(demo: true)
        let record = try officeReport(child: "Quinn Zephyrine", allegationAgainstStaff: false)
        try signInDemo("Tom Whitfield")
        press(.character("1"), .character("2"), .character("/"))
        type(record.id)
        press(.enter, .enter)
        XCTAssertEqual(app.top.title, record.id)
        press(.character("f"))
        XCTAssertEqual(app.top.title, "Follow-up for \(record.id)")
        type("Check the filtering blocks the site")
        press(.function(2))
        let followUp = try XCTUnwrap(try workspace.incidents().record(record.id)?.followUps.last)
        XCTAssertEqual(followUp.ownerName, "Tom Whitfield")
    }

    func testTheWalkOffersTheFormsAnswerMarkedAndRecordsTheChildAsInstigator() async throws {
        try launch(demo: true, size: Size(width: 160, height: 40))
        let record = try officeReport(child: "Quinn Zephyrine", allegationAgainstStaff: false)
        try signInDemo("Tom Whitfield")
        press(.character("1"), .character("2"), .character("/"))
        type(record.id)
        press(.enter, .enter, .character("w"))
        XCTAssertEqual(app.top.title, "Flowchart for \(record.id)")
        let first = screen
        let marked = try XCTUnwrap(first.split(separator: "\n").first { $0.contains("the form's answer") }, first)
        XCTAssertTrue(marked.contains("No"), "the form says it is no allegation against staff: \(marked)")
        press(.enter)
        assertScreen(contains: "Staff instigator? No")
        press(.character("2"))
        let child = screen
        XCTAssertTrue(child.contains("Yes: a child is the instigator"), child)
        XCTAssertFalse(child.contains("the form's answer"), "the form names a child, so it does not answer for them: \(child)")
        press(.character("3"))
        assertScreen(contains: "4. Did the issue come into school from home?")
        // The answers as kept: the child is recorded as the instigator, not the victim.
        let answers = press(.function(3))
        XCTAssertEqual(app.top.title, "Change an answer")
        XCTAssertTrue(answers.contains("→ Yes: a child is the instigator"), answers)
    }

    func testTheSocialNetworkingSiteActionTicksTheFormsBox() async throws {
        try launch(demo: true)
        press(.character("1"), .character("2"), .enter)
        let id = app.top.title
        press(.character("w"))
        // Not staff, not staff, a child victim, in school, illegal, parents told: the outcome.
        press(.character("2"), .character("2"), .character("1"), .character("1"), .character("1"), .character("1"))
        press(.function(2))
        XCTAssertEqual(app.top.title, "Checklist \(id)/1")
        let walk = try XCTUnwrap(try workspace.incidents().record(id)?.walks.first)
        let index = try XCTUnwrap(walk.actions.firstIndex { $0.text.contains("social networking site or app") }, "\(walk.actions.map(\.text))")
        for _ in 0..<index { press(.down) }
        press(.character(" "))
        assertScreen(contains: "[x] Where it happened on a social networking site or app")
        let report = try XCTUnwrap(try workspace.incidents().record(id)?.report)
        XCTAssertTrue(report.childActions.contains { $0.itemID == "reported-social-network" }, "\(report.childActions)")
        XCTAssertFalse(report.staffActions.contains { $0.itemID == "reported-social-network" }, "a child was involved: the child part only")
    }
}
