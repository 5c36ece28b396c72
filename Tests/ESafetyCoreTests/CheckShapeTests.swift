import XCTest
@testable import ESafetyCore

/// `check` decodes incident and signature files from its first read of every file
/// (``Workspace/shapeCheck``), and reads again only those that did not decode: the problems
/// found are exactly those of reading every record again.
final class CheckShapeTests: StoreTestCase {
    func testTheFirstReadDecodesEveryRecordAndTheProblemsAreThoseOfReadingThemAgain() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        let incidents = try workspace.store.documentNames(in: IncidentLog.folder)
        let shards = try workspace.store.documentNames(in: AUPDocumentName.signatureFolder)
        XCTAssertGreaterThan(incidents.count, 2)
        XCTAssertFalse(shards.isEmpty)

        let sound = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        let report = sound.store.checkReport(shapes: Workspace.shapeCheck)
        XCTAssertEqual(report.problems, [])
        XCTAssertEqual(report.decoded, Set(incidents + shards), "every incident and signature file decoded from the first read")
        XCTAssertEqual(sound.checkRecords(after: report), [])
        XCTAssertEqual(sound.store.checkReport().decoded, [], "without a shape check nothing is decoded")

        // Committed as a faulty esafety might have (so the bytes match the log): a wrong type, an
        // incident under another's name, a signature with an impossible date.
        let wrongType = incidents[0], misnamed = incidents[1], shard = shards[0]
        let text = try String(decoding: bytes(wrongType + ".json"), as: UTF8.self)
        try commitRaw(Data(text.replacingOccurrences(of: "\"status\" : \"", with: "\"status\" : 7, \"was\" : \"").utf8),
                      as: wrongType, in: workspace.store)
        try commitRaw(try bytes(incidents[2] + ".json"), as: misnamed, in: workspace.store)
        let signatures = try String(decoding: bytes(shard + ".json"), as: UTF8.self)
        let signedOn = try XCTUnwrap(signatures.range(of: #""signedOn" : "\d{4}-\d\d-\d\d""#, options: .regularExpression))
        try commitRaw(Data(signatures.replacingCharacters(in: signedOn, with: #""signedOn" : "2017-13-45""#).utf8), as: shard,
                      in: workspace.store)

        let damaged = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        let after = damaged.store.checkReport(shapes: Workspace.shapeCheck)
        XCTAssertEqual(after.problems, [], "the bytes are those the log records")
        XCTAssertEqual(after.decoded, Set(incidents + shards).subtracting([wrongType, misnamed, shard]))
        let found = damaged.checkRecords(after: after)
        XCTAssertEqual(found, damaged.checkRecords(), "the same problems, in the same words, as reading every record again")
        XCTAssertEqual(Set(found.map(\.file)), [wrongType + ".json", misnamed + ".json", shard + ".json"])
    }
}
