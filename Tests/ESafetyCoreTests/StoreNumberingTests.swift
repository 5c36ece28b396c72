import Foundation
import XCTest
@testable import ESafetyCore

/// The highest number in a folder's names, which incident ids are given out above: deleted
/// documents count, other folders and other prefixes do not, and it survives reopening.
final class StoreNumberingTests: StoreTestCase {
    func testTheHighestNumberCountsDeletedNamesAndOnlyThisFolderAndPrefix() throws {
        let store = try makeStore()
        for name in ["cases/2026-0003", "cases/2026-0011", "cases/2025-0090", "cases/2026-notes", "other/2026-0500"] {
            try store.save(["x": 1], to: name, actor: sam, action: "test", recordID: nil, summary: name)
        }
        XCTAssertEqual(store.highestNumber(in: "cases", prefix: "2026-"), 11)
        try store.commit(actor: sam, action: "test", summary: "delete") { try $0.delete("cases/2026-0011") }
        XCTAssertEqual(store.highestNumber(in: "cases", prefix: "2026-"), 11, "a deleted name is never given out again")
        try store.save(["x": 1], to: "cases/2026-0040", actor: sam, action: "test", recordID: nil, summary: "later")
        XCTAssertEqual(store.highestNumber(in: "cases", prefix: "2026-"), 40, "names added since the last call are read")
        XCTAssertEqual(store.highestNumber(in: "cases", prefix: "2025-"), 90)
        XCTAssertEqual(store.highestNumber(in: "empty", prefix: "2026-"), 0)
        store.close()
        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(reopened.highestNumber(in: "cases", prefix: "2026-"), 40)
        XCTAssertEqual(Set(reopened.ledgerNames(in: "cases")),
                       ["cases/2026-0003", "cases/2026-0011", "cases/2025-0090", "cases/2026-notes", "cases/2026-0040"])
    }
}
