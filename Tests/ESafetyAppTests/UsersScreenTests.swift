import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Settings › Users: removing a lead's account from the screen takes their access at once, and
/// rotates the records key there and then, as `Workspace.removeUser` does.
final class UsersScreenTests: AppTestCase {
    func testRemovingALeadFromTheScreenRotatesTheRecordsKey() async throws {
        try launch(demo: true)
        let lead = try XCTUnwrap(workspace.directory.holders(of: Role.WellKnown.esafetyLead).first)
        let row = try XCTUnwrap(try workspace.accounts().signInAccounts.firstIndex { $0.personID == lead.id })
        press(.character("6"))
        let users = press(.character("5"))
        XCTAssertTrue(users.contains(lead.fullName), users)
        for _ in 0..<row { press(.down) }
        let asked = press(.character("d"))
        XCTAssertTrue(asked.contains("\(lead.fullName) will no longer be able to sign in"), asked)
        let done = press(.character("y"))
        XCTAssertTrue(done.contains("Removed the account of \(lead.fullName)"), done)
        XCTAssertNil(try workspace.accounts().account(lead.id))
        let rotations = try workspace.store.auditEntries().filter { $0.action == "security.rotate" }
        XCTAssertEqual(rotations.count, 1, "the head holds the records key, so it was rotated at once")
        XCTAssertFalse(try workspace.accounts().rotationIsDue)
    }
}
