import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

@MainActor
final class FlowchartScreenTests: AppTestCase {
    /// Home › Incidents › Incident log › the newest incident › w.
    private func walkNewestIncident() throws -> String {
        press(.character("1"), .character("2"), .enter)
        let id = app.top.title
        press(.character("w"))
        XCTAssertEqual(app.top.title, "Flowchart for \(id)")
        return id
    }

    func testWalkingIllegalActivityInvolvingAChildFromAnIncidentEndsInTheChecklistAndTicksTheForm() async throws {
        try launch(demo: true)
        let id = try walkNewestIncident()
        assertScreen(contains: "1. Is a member of staff the instigator")
        assertScreen(contains: "Path: Act now › Head told › Staff instigator?")
        assertScreen(contains: "Offord Primary School e-safety policy")
        press(.character("2"), .character("2"), .character("1"), .character("1"))
        assertScreen(contains: "5. What kind of activity is it")
        assertScreen(contains: "child sexual abuse images")
        press(.character("1"))
        assertScreen(contains: "Will the parents or carers be informed?")
        assertScreen(contains: "Illegal or inappropriate? Illegal › Police")
        press(.character("1"))
        assertScreen(contains: "Outcome: A child was involved: the response is under way")
        XCTAssertTrue(app.top.hasUnsavedChanges, "Esc asks before an unkept walk is lost")
        press(.function(2))
        XCTAssertEqual(app.top.title, "Checklist \(id)/1")
        let log = try workspace.incidents()
        XCTAssertEqual(log.record(id)?.walks.count, 1)
        // The police action is the sixth; its contact comes from the profile.
        press(.down, .down, .down, .down, .down)
        assertScreen(contains: "Police: Demo contact (fictional) 01632 960999")
        press(.character(" "))
        assertScreen(contains: "[x] Refer directly to the police")
        assertScreen(contains: "by Amira Haddad")
        let record = try XCTUnwrap(log.record(id))
        XCTAssertEqual(record.walks[0].actions.first { $0.id == "police-refer" }?.doneBy, workspace.actor)
        XCTAssertTrue(record.report.childActions.contains { $0.itemID == "reported-police" && $0.by == "Amira Haddad" })
        press(.escape)
        XCTAssertEqual(app.top.title, id)
        var pages = screen
        for _ in 0..<30 { pages += press(.pageDown) }
        XCTAssertTrue(pages.contains("Response flowchart"), "the incident's page shows the walk")
        XCTAssertTrue(pages.contains("Outcome: A child was involved"), pages)
    }

    func testADecisionNotToActNeedsAReasonWhichIsKept() async throws {
        try launch(demo: true)
        let id = try walkNewestIncident()
        press(.character("2"), .character("2"), .character("1"), .character("1"), .character("5"))
        XCTAssertEqual(app.top.title, "Reason")
        press(.function(2))
        assertScreen(contains: "Please correct the fields marked in red")
        type("Approved game; no contact")
        press(.function(2))
        assertScreen(contains: "Outcome: No breach: no further action")
        press(.function(2))
        let walk = try XCTUnwrap(try workspace.incidents().record(id)?.walks.first)
        XCTAssertEqual(walk.answers.last?.reason, "Approved game; no contact")
        XCTAssertEqual(walk.outcomeStepID, "no-concern")
    }

    func testBackAndChangeAnEarlierAnswer() async throws {
        try launch(demo: true)
        _ = try walkNewestIncident()
        press(.character("2"), .character("2"))
        assertScreen(contains: "3. Is a child involved")
        press(.function(5))
        assertScreen(contains: "2. Is a member of staff a victim?")
        assertScreen(contains: "chosen before")
        press(.function(3))
        XCTAssertEqual(app.top.title, "Change an answer")
        press(.enter)
        assertScreen(contains: "1. Is a member of staff the instigator")
        press(.character("1"))
        assertScreen(contains: "Staff instigator? Yes › Allegation")
    }

    func testTheAreaPicksAnOpenIncidentAndShowsTheOutline() async throws {
        try launch(demo: true, size: Size(width: 160, height: 50))
        press(.character("2"), .character("1"))
        XCTAssertEqual(app.top.title, "Choose an incident")
        let open = try workspace.incidents().openIncidents.map(\.id)
        for id in open { assertScreen(contains: id) }
        press(.enter)
        XCTAssertEqual(app.top.title, "Flowchart for \(open[0])")
        assertScreen(contains: "1. Is a member of staff the instigator: is this an allegation against a member of staff?")
        press(.escape)
        XCTAssertEqual(app.top.title, "Response flowchart")
        press(.character("3"))
        XCTAssertEqual(app.top.title, "Outline")
        assertScreen(contains: "▸ Act at once: stop further harm and keep the evidence")
        assertScreen(contains: "? Is a member of staff the instigator")
    }
}
