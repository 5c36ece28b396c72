import XCTest
@testable import ESafetyCore

/// A closed workspace is freed with everything it read: a long-running process (the bench, a
/// session that signs in and out) must not keep every store it opened in memory.
final class WorkspaceLifetimeTests: StoreTestCase {
    func testAClosedWorkspaceAndItsAreasAreFreed() throws {
        try Workspace.create(at: storeURL, actor: sam, demo: true).store.close()
        weak var workspace: Workspace?
        weak var store: Store?
        weak var log: IncidentLog?
        weak var register: AUPRegister?
        do {
            let opened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
            opened.session = try opened.accounts().signIn(personID: "P0001", passphrase: DemoData.passphrase)
            _ = try opened.aup.allSignatures()
            _ = try opened.incidents().allRecords()
            _ = opened.reviews.schedule.items.count
            _ = opened.checkRecords()
            workspace = opened
            store = opened.store
            log = try opened.incidents()
            register = opened.aup
            opened.store.close()
        }
        XCTAssertNil(register, "the AUP register outlived its workspace")
        XCTAssertNil(log, "the incident log outlived its workspace")
        XCTAssertNil(store, "the store outlived its workspace")
        XCTAssertNil(workspace, "the workspace was kept after it was closed")
    }
}
