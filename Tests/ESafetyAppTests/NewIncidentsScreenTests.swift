import CivilTime
import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

/// The daily loop on the virtual screen: an office report reaches the lead's 80x24 home screen
/// and stays until opened; the dashboard never drops lines silently; office staff are told
/// where incidents went.
@MainActor
final class NewIncidentsScreenTests: AppTestCase {
    func testAnOfficeReportShowsOnTheLeadsHomeScreenAt80x24UntilOpened() async throws {
        try launch(demo: true)
        let record = try officeReport()
        try signInDemo("Tom Whitfield")
        let home = screen
        // A heading of its own, or "New:" where the room is one row per section.
        XCTAssertTrue(home.contains("New since you last signed in") || home.contains("    New (4): \(record.id)"), home)
        XCTAssertTrue(home.contains("\(record.id) "), home)
        XCTAssertTrue(home.contains("by Siobhán Byrne: Online gambling"), "id, when, by whom and type: \(home)")
        let lines = home.split(separator: "\n").map(String.init)
        let newRow = try XCTUnwrap(lines.firstIndex { $0.contains("New since you last signed in") || $0.hasPrefix("    New (") })
        if let reviews = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Reviews") }) {
            XCTAssertLessThan(newRow, reviews, "a new incident ranks above reviews")
        }
        // Tab to the dashboard, Enter opens the first line: the new incident.
        press(.tab)
        let opened = press(.enter)
        XCTAssertTrue(app.breadcrumb.hasSuffix(record.id), app.breadcrumb)
        XCTAssertTrue(opened.contains("Status: open"), opened)
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "incident.open")
        let after = press(.escape)
        XCTAssertFalse(after.contains("\(record.id) "), after)
    }

    func testADashboardTooLongForTheScreenSaysHowManyMoreAndOpensTheList() async throws {
        try launch(demo: true)
        for _ in 0..<8 { _ = try officeReport() }
        try signInDemo("Tom Whitfield")
        let home = screen
        XCTAssertTrue(home.contains("more"), home)
        XCTAssertTrue(home.contains("Enter opens the list") || home.contains("(and "), home)
        // Down to the "… and N more" line and open it.
        press(.tab)
        var list = ""
        for _ in 0..<12 {
            list = press(.enter)
            if app.breadcrumb.hasSuffix("Dashboard") { break }
            press(.escape, .down)
        }
        XCTAssertTrue(app.breadcrumb.hasSuffix("Dashboard"), "no line opened the list: \(home)")
        XCTAssertTrue(list.contains("New since you last signed in"), list)
    }

    func testOfficeStaffAreToldOnlyTheLeadsSeeIncidentsAndSeeTheirReferences() async throws {
        try launch(demo: true)
        let record = try officeReport()
        let menu = press(.character("1"))
        XCTAssertTrue(menu.contains("Only the leads can see incidents; your reports: \(record.id)"), menu)
        XCTAssertFalse(menu.contains("Incident log"))
        let mine = press(.character("2"))
        XCTAssertTrue(mine.contains(record.id), mine)
        XCTAssertFalse(mine.contains("Zoë"), "no content, only references and dates")
        press(.escape, .escape)
        let flowchart = press(.character("2"))
        XCTAssertFalse(flowchart.contains("Walk it for an open incident"), flowchart)
        XCTAssertTrue(flowchart.contains("Only the leads can see incidents"), flowchart)
    }
}
