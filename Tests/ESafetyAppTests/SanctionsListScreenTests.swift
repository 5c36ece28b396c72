import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

/// The sanctions list where the walk's answers name it, and in Settings for the administrator
/// to change (read-only for anyone else), at 80x24 on the demo store.
@MainActor
final class SanctionsListScreenTests: AppTestCase {
    func testTheWalkShowsTheSanctionsListWhereAnAnswerNamesItAndTheAdministratorsChangeReachesIt() async throws {
        try launch(demo: true)
        press(.character("1"), .character("2"), .enter)
        let id = app.top.title
        press(.character("w"))
        XCTAssertEqual(app.top.title, "Flowchart for \(id)")
        XCTAssertFalse(screen.contains("F6Sanctions"), "no list where no answer names it")
        press(.character("2"), .character("2"), .character("1"), .character("1"))
        let question = screen
        XCTAssertTrue(question.contains("5. What kind of activity is it"), question)
        XCTAssertTrue(question.contains("s shows the sanctions list an answer names"), question)
        XCTAssertTrue(question.contains("F6Sanctions"), question)
        let list = press(.character("s"))
        XCTAssertEqual(app.top.title, "Sanctions and disciplinary proceedings", list)
        XCTAssertTrue(list.contains("The policy's sanctions list"), list)
        XCTAssertTrue(list.contains("• Personal gambling or betting."), list)
        press(.escape)
        XCTAssertEqual(app.top.title, "Flowchart for \(id)")
        assertScreen(contains: "5. What kind of activity is it")

        // The administrator (the demo's head teacher) adds an item in Settings.
        press(.escape, .character("y"), .escape, .escape, .escape)
        XCTAssertEqual(app.top.title, "Home")
        let form = press(.character("6"), .character("8"))
        XCTAssertEqual(app.top.title, "Sanctions list", form)
        XCTAssertTrue(form.contains("The policy's list until you save the school's own"), form)
        // From the source field, ↑ enters the items at their last line.
        press(.tab, .tab, .tab, .up, .end, .enter)
        type("Sharing another pupil's photo without asking.")
        press(.function(2))
        assertScreen(contains: "Saved the sanctions list (14 items).")
        XCTAssertEqual(try workspace.sanctionsList().items.last, "Sharing another pupil's photo without asking.")
        press(.escape, .escape)

        press(.character("1"), .character("2"), .enter, .character("w"))
        press(.character("2"), .character("2"), .character("1"), .character("1"), .character("s"))
        var pages = screen
        for _ in 0..<6 { pages += press(.pageDown) }
        XCTAssertTrue(pages.contains("The school's sanctions list"), pages)
        XCTAssertTrue(pages.contains("• Sharing another pupil's photo without asking."), pages)
    }

    func testTheSanctionsListIsReadOnlyForALead() async throws {
        try launch(demo: true)
        try signInDemo("Tom Whitfield")
        let form = press(.character("6"), .character("8"))
        XCTAssertEqual(app.top.title, "Sanctions list")
        XCTAssertTrue(form.contains("Read-only: only an administrator may change the sanctions list."), form)
        XCTAssertFalse(form.contains("F2Save"), form)
    }
}
