import CivilTime
import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// The review screens and the home dashboard, on a fixed day (25 November 2026).
@MainActor
final class ReviewScreensTests: AppTestCase {
    /// Noon UTC on 25 November 2026.
    private var clock: Date = Date(timeIntervalSince1970: 1_795_608_000)

    private func launchOn(demo: Bool = true, size: Size = Size(width: 80, height: 24)) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-app-\(UUID().uuidString)")
        storeURL = url
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        workspace = try Workspace.create(at: url, actor: actor, demo: demo, now: { [unowned self] in clock })
        workspace.timeZone = TimeZone(identifier: "UTC")!
        terminal = VirtualTerminal(size: size)
        app = ESafetyApplication.make(terminal: terminal, workspace: workspace, requireSignIn: false)
    }

    private func dashboard(_ screen: String) -> String {
        screen.components(separatedBy: "Who to tell").first ?? screen
    }

    func testTheDashboardListsOverdueItemsAndEachLineOpensItsItem() async throws {
        try launchOn()
        let home = screen
        XCTAssertTrue(home.contains("3  Role directory"), home)
        XCTAssertTrue(dashboard(home).contains("35 days overdue   Annual policy review with governors"), home)
        XCTAssertTrue(home.contains("Designated e-safety lead: Tom Whitfield"), "the contacts still fit at 80x24:\n\(home)")

        press(.tab)
        XCTAssertTrue(screen.contains("↑ ↓ Enter opens"), screen)
        press(.enter)
        XCTAssertEqual(app.breadcrumb, "Home › Annual policy review with governors")
        assertScreen(contains: "Next due    21/10/2026 (Autumn 2026), 35 days overdue")
        assertScreen(contains: "History (2), newest first")

        press(.function(5))
        XCTAssertEqual(app.breadcrumb, "Home › Annual policy review with governors › Mark done")
        press(.tab, .tab)
        type("Reviewed with the governors")
        press(.tab)
        type("FGB minutes 12")
        let saved = press(.function(2))
        XCTAssertTrue(saved.contains("Recorded as done. Next due 25/11/2027 (Autumn 2027)."), saved)
        XCTAssertTrue(saved.contains("25/11/2026  Done by Tom Whitfield; recorded by Amira Haddad"), saved)
        XCTAssertTrue(saved.contains("Evidence: FGB minutes 12"), saved)
        XCTAssertTrue(saved.contains("History (3), newest first"), saved)

        press(.escape)
        XCTAssertEqual(app.breadcrumb, "Home")
        XCTAssertFalse(dashboard(screen).contains("Annual policy review"), screen)
        XCTAssertTrue(dashboard(screen).contains("15 days overdue   Annual audit of staff training needs"), screen)
    }

    func testNothingOverdueIsSaidPlainlyAndTheNextDayChangesIt() async throws {
        try launchOn(demo: false)
        XCTAssertTrue(dashboard(screen).contains("✓ Nothing overdue"), screen)
        XCTAssertTrue(dashboard(screen).contains("due today"), "annual items never recorded are due from the day the store began")
        clock += 86_400
        XCTAssertFalse(dashboard(screen).contains("Nothing overdue"), screen)
        XCTAssertTrue(dashboard(screen).contains("1 day overdue"), screen)
    }

    func testTheScheduleListsEveryItemWithItsTerm() async throws {
        try launchOn()
        let shown = press(.character("5"))
        XCTAssertEqual(app.breadcrumb, "Home › Review schedule")
        XCTAssertTrue(shown.contains("2 overdue; 4 due in the next 30 days"), shown)
        XCTAssertTrue(shown.contains("Term dates are placeholders"), shown)
        XCTAssertTrue(shown.contains("28/02/2027  due in 13 weeks   Safer Internet Week"), shown)
        XCTAssertTrue(shown.contains("Spring 2027"), shown)
        XCTAssertTrue(shown.contains("optional          Password change"), shown)
        press(.character("/"))
        type("password")
        press(.enter)  // the only match opens at once
        assertScreen(contains: "Optional    The NCSC advises against forcing regular password")
    }

    func testTermDatesLiveInSettingsAndSayTheyArePlaceholders() async throws {
        try launchOn()
        press(.character("6"))
        let settings = screen
        XCTAssertTrue(settings.contains("4  Term dates"), settings)
        let terms = press(.character("4"))
        XCTAssertTrue(terms.contains("PLACEHOLDER dates"), terms)
        XCTAssertTrue(terms.contains("Autumn 2026"), terms)
        press(.enter)
        XCTAssertEqual(app.breadcrumb, "Home › Settings › Term dates › Autumn 2026")
    }

    func testOnAWideTerminalTheDashboardSitsBesideTheMenu() async throws {
        try launchOn(size: Size(width: 140, height: 40))
        let lines = screen.split(separator: "\n").map(String.init)
        let row = try XCTUnwrap(lines.first { $0.contains("1  Incidents") })
        XCTAssertTrue(row.contains("Reviews"), row)
        XCTAssertTrue(lines.contains { $0.contains("2  Response flowchart") && $0.contains("overdue") }, screen)
    }
}
