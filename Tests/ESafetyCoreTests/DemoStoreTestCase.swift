import Foundation
import XCTest
@testable import ESafetyCore

/// A test on a new demo store (its fictional people, accounts and incidents), open for writing as
/// `workspace` and closed after each test.
class DemoStoreTestCase: StoreTestCase {
    var workspace: Workspace!

    override func setUpWithError() throws {
        try super.setUpWithError()
        workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
    }

    override func tearDownWithError() throws {
        workspace?.store.close()
        workspace = nil
        try super.tearDownWithError()
    }
}
