import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Every incident of a demo store and of a generated store, its file and the record sealed in
/// it, is read by the fast readers, and read exactly as `JSONDecoder` reads it.
final class IncidentFastDecoderStoreTests: IncidentFastDecoderTestCase {
    /// Checks each incident file of `workspace` and the record sealed in it; returns how many.
    private func checkEveryIncident(in workspace: Workspace, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let keys = try workspace.incidents().vault.opener().keys()
        let names = try workspace.store.documentNames(in: IncidentLog.folder)
        for name in names {
            let bytes = try Data(contentsOf: workspace.store.directory.appendingPathComponent(name + ".json"))
            let stored = try StoreJSON.makeDecoder().decode(StoredIncident.self, from: bytes)
            let fastStored = try XCTUnwrap(StoredIncident.fastDecode(bytes, validated: false), "\(name)'s file is read on the fast path", file: file, line: line)
            XCTAssertEqual(encoded(fastStored), encoded(stored), name, file: file, line: line)
            let plaintext: Data
            switch stored {
            case .plain: plaintext = bytes
            case .sealed(let sealed):
                if let restricted = sealed.restricted {
                    plaintext = try XCTUnwrap(restricted.open(with: try XCTUnwrap(keys.agreement)), name, file: file, line: line)
                } else {
                    plaintext = try XCTUnwrap(sealed.sealed, name, file: file, line: line).open(with: try XCTUnwrap(keys.records))
                }
            }
            let fast = try XCTUnwrap(StoreFastDecoder.decode(IncidentRecord.self, from: plaintext), "\(name) is read on the fast path", file: file, line: line)
            let slow = try StoreJSON.makeDecoder().decode(IncidentRecord.self, from: plaintext)
            XCTAssertEqual(fast, slow, name, file: file, line: line)
            XCTAssertEqual(encoded(fast), encoded(slow), name, file: file, line: line)
        }
        return names.count
    }

    func testEveryIncidentOfTheDemoStore() throws {
        let workspace = try demoWorkspace()
        XCTAssertGreaterThanOrEqual(try checkEveryIncident(in: workspace), 3)
    }

    func testEveryIncidentOfAGeneratedStore() throws {
        var counts = BenchDataGenerator.Counts(scale: 1)
        counts.pupils = 40; counts.staff = 6; counts.governors = 2; counts.guests = 2; counts.parents = 10
        counts.signatures = 30; counts.incidents = 60; counts.reviewRecords = 5
        try BenchDataGenerator(scale: 1, counts: counts).generate(at: storeURL).store.close()
        let workspace = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        workspace.now = { BenchDataGenerator.referenceNow }
        let head = try XCTUnwrap(workspace.directory.holders(of: Role.WellKnown.headTeacher).first)
        workspace.session = try workspace.accounts().signIn(personID: head.id, passphrase: DemoData.passphrase)
        XCTAssertGreaterThanOrEqual(try checkEveryIncident(in: workspace), 60)
    }
}
