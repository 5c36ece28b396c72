import Foundation
import XCTest
@testable import ESafetyCore

/// A read shared between threads gives what the same read run alone gives, in order.
final class StoreSharedReadTests: StoreTestCase {
    func testASharedReadJoinedByOtherThreadsGivesTheReadInOrder() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        defer { workspace.store.close() }
        let store = workspace.store
        let files = try store.documentNames(in: "incidents")
        XCTAssertEqual(files.count, 3)
        let names = (0..<50).flatMap { index in index % 7 == 3 ? ["incidents/missing-\(index)"] : files }  // more than a share, some absent
        let alone = store.readAhead(StoredIncident.self, from: names).run()
        func ids(_ reads: StoreReadAhead<StoredIncident>.Reads) -> [String?] { reads.reads.map { ($0?.value as? StoredIncident)?.id } }
        XCTAssertEqual(ids(alone).compactMap { $0 }.count, names.count - 7)

        for helpers in [0, 1, 3] {
            let shared = StoreSharedRead(store.readAhead(StoredIncident.self, from: names))
            DispatchQueue.global().async { shared.begin() }
            let group = DispatchGroup()
            for _ in 0..<helpers {
                DispatchQueue.global().async(group: group) { _ = shared.reads() }
            }
            let reads = shared.reads()
            group.wait()
            XCTAssertEqual(reads.names, names, "\(helpers) helpers")
            XCTAssertEqual(ids(reads), ids(alone), "\(helpers) helpers")
            XCTAssertEqual(reads.reads.map { $0?.proof?.sha256 }, alone.reads.map { $0?.proof?.sha256 })
        }

        let empty = StoreSharedRead(store.readAhead(StoredIncident.self, inFolder: "no-such-folder"))
        DispatchQueue.global().async { empty.begin() }
        XCTAssertEqual(empty.reads().names, [])
    }
}
