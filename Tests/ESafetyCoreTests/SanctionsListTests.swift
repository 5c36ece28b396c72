import Foundation
import XCTest
@testable import ESafetyCore

/// The sanctions list on a real store: the policy's list until the school saves its own, which
/// only an administrator may do, checked and audited, never over another session's change.
final class SanctionsListTests: StoreTestCase {
    func testThePolicysListUntilTheAdministratorSavesTheSchoolsOwn() throws {
        let (workspace, people) = try schoolWithAccounts()
        let policy = try workspace.sanctionsList()
        XCTAssertFalse(policy.confirmed)
        XCTAssertEqual(policy.items.count, 13)
        XCTAssertTrue(policy.items.contains("Personal gambling or betting."))
        XCTAssertTrue(policy.text.contains("• Using school systems to run a private business."), policy.text)

        var mine = policy
        mine.items = ["  Personal gambling or betting. ", "", "Sharing passwords."]
        try workspace.updateSanctionsList(mine, basedOn: policy)
        let saved = try workspace.sanctionsList()
        XCTAssertEqual(saved.items, ["Personal gambling or betting.", "Sharing passwords."], "items trimmed, blank lines dropped")
        XCTAssertTrue(saved.confirmed)
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "settings.sanctions")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("sanctions.json")))

        // Saved over a list another session has changed since: refused, nothing written.
        XCTAssertThrowsError(try workspace.updateSanctionsList(policy, basedOn: policy)) { XCTAssertTrue($0 is StoreConflict, "\($0)") }
        XCTAssertEqual(try workspace.sanctionsList(), saved)

        var empty = saved
        empty.items = [" "]
        XCTAssertThrowsError(try workspace.updateSanctionsList(empty, basedOn: saved)) {
            XCTAssertTrue(String(describing: $0).contains("at least one item"), "\($0)")
        }

        workspace.session = try signIn(try XCTUnwrap(people["Tom Whitfield"]), to: workspace)
        XCTAssertThrowsError(try workspace.updateSanctionsList(policy, basedOn: saved)) { XCTAssertTrue($0 is AccessError, "\($0)") }
        XCTAssertEqual(try workspace.sanctionsList(), saved)
    }

    func testTheChartsOptionsThatNameTheListAreFound() throws {
        let chart = try FlowchartLibrary.defaultChart()
        let naming = chart.steps.flatMap(\.options).filter(\.namesSanctionsList)
        XCTAssertEqual(naming.count, 2, "the child's and the adult's 'inappropriate' answers")
        XCTAssertFalse(chart.steps.flatMap(\.options).filter { !$0.namesSanctionsList }.isEmpty)
    }
}
