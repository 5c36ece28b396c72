import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Retention that acts, on a real demo store moved to 2047: the records past DOB + 25, and
/// destruction by a lead with a reason, leaving a tombstone and no copy anywhere.
final class RetentionTests: StoreTestCase {
    private var workspace: Workspace!

    override func setUpWithError() throws {
        try super.setUpWithError()
        workspace = try demoWorkspace()
    }

    private func later(_ year: Int, _ month: Int, _ day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = workspace.timeZone
        let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        workspace.now = { noon }
    }

    /// Every file under the store whose bytes contain `data`.
    private func files(containing data: Data) throws -> [String] {
        let walker = FileManager.default.enumerator(at: storeURL, includingPropertiesForKeys: nil)!
        var found: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            if try Data(contentsOf: url).range(of: data) != nil { found.append(url.lastPathComponent) }
        }
        return found
    }

    func testRecordsPastRetentionAreListedWithTheDateOfBirth() throws {
        XCTAssertEqual(try workspace.recordsPastRetention().count, 0, "no demo pupil is 25 yet")
        later(2046, 1, 1)  // Zoë Ōkubo (born 01/01/2021) turns 25
        let due = try workspace.recordsPastRetention()
        XCTAssertEqual(due.map(\.record.recordID), ["2026-0001", "2026-0003"])
        XCTAssertEqual(due.first?.record.pupilDateOfBirth, CivilDate(year: 2021, month: 1, day: 1))
        later(2046, 2, 2)  // Amir is 25, Bea (born 03/03/2021) not yet: 2026-0002 is kept for her
        XCTAssertFalse(try workspace.recordsPastRetention().contains { $0.record.recordID == "2026-0002" })
        XCTAssertThrowsError(try workspace.destroyRecord("2026-0002", reason: "review")) {
            XCTAssertEqual($0 as? RetentionError, .notPastRetention("2026-0002"))
        }
    }

    func testDestroyingLeavesATombstoneAndNoCopyInTheBackups() throws {
        later(2047, 6, 1)
        let record = try XCTUnwrap(try workspace.incidents().record("2026-0001"))
        let backups = try files(containing: Data("2026-0001".utf8)).filter { $0 == "2026-0001.json" }
        XCTAssertFalse(backups.isEmpty, "the demo's closing kept a daily backup of it")
        XCTAssertThrowsError(try workspace.destroyRecord("2026-0001", reason: " ")) { XCTAssertTrue("\($0)".contains("reason")) }
        let tombstone = try workspace.destroyRecord("2026-0001", reason: "Retention review, June 2047")
        XCTAssertTrue(tombstone.hasPrefix("Destroyed incident 2026-0001 (recorded "), tombstone)
        XCTAssertTrue(tombstone.contains("happened \(record.date(in: workspace.timeZone)); retention ended 01/01/2046"), tombstone)
        XCTAssertEqual(try files(containing: Data("2026-0001".utf8)).filter { $0 == "2026-0001.json" }, [], "no file, no backup")
        XCTAssertNil(try workspace.incidents().record("2026-0001"))
        let last = try XCTUnwrap(try String(contentsOf: storeURL.appendingPathComponent("audit.jsonl"), encoding: .utf8)
            .split(separator: "\n").last)
        XCTAssertTrue(last.contains("\"record.destroy\"") && last.contains("Retention review, June 2047"), String(last))
        XCTAssertFalse(last.contains("Zoë") || last.contains("betting"), "the tombstone holds no content")
        XCTAssertEqual(workspace.store.check(), [])
        // The id is never given out again.
        later(2026, 12, 1)
        XCTAssertNotEqual(try workspace.incidents().submit(sampleReport(on: workspace.today)).id, "2026-0001")
    }

    func testOnlyLeadsDestroy() throws {
        later(2047, 6, 1)
        let office = try XCTUnwrap(workspace.directory.people.first { $0.fullName == "Siobhán Byrne" })
        workspace.session = try workspace.accounts().signIn(personID: office.id, passphrase: DemoData.passphrase)
        XCTAssertThrowsError(try workspace.destroyRecord("2026-0001", reason: "x")) {
            XCTAssertEqual($0 as? AccessError, .notAllowed(.destroyRecords, .staff))
        }
        XCTAssertThrowsError(try workspace.recordsPastRetention())
    }
}
