import XCTest
@testable import ESafetyCore

/// Exports written a piece at a time must be exactly the documents they replace.
final class ExportWritingTests: StoreTestCase {
    func testAnArrayDocumentWrittenItemByItemIsTheWholeDocument() throws {
        let items: [JSONValue] = [
            .object(["name": .string("Zoë Ōkubo"), "note": .string("said \"hi\"\nthen left / 李")]),
            .object(["count": .integer(3), "nested": .array([.bool(true), .null])]),
            .object([:]),
        ]
        for count in 0...items.count {
            var pieces: [String] = []
            try JSONValue.writeArrayDocument(key: "signatures", items: items.prefix(count), to: { pieces.append($0) })
            XCTAssertEqual(pieces.joined(), try JSONValue.object(["signatures": .array(Array(items.prefix(count)))]).prettyJSON(),
                           "\(count) items")
            XCTAssertEqual(pieces.count, count + 2, "the start, one piece per item, the end")
        }
    }

    func testSignaturesAreExportedRowByRowAndParse() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        let signatures = try workspace.aup.allSignatures()
        XCTAssertGreaterThan(signatures.count, 10)

        var jsonPieces = 0
        var json = ""
        try AUPExport.writeSignatures(workspace.aup, format: .json) { json += $0; jsonPieces += 1 }
        XCTAssertEqual(jsonPieces, signatures.count + 2)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(object["signatures"] as? [[String: String]])
        XCTAssertEqual(rows.count, signatures.count)
        XCTAssertEqual(rows.first?["recordedAt"], StoreJSON.string(from: signatures[0].recordedAt))
        XCTAssertEqual(Set(rows.first?.keys.map { $0 } ?? []), ["personID", "name", "group", "class", "aup", "version", "signedOn",
                                                                 "method", "witness", "lapsesAfter", "recordedAt", "voidedAt", "voidReason"])

        var csvLines: [String] = []
        try AUPExport.writeSignatures(workspace.aup, format: .csv) { csvLines.append($0) }
        XCTAssertEqual(csvLines.count, signatures.count + 1, "a header, then one line per signature")
        XCTAssertTrue(csvLines.allSatisfy { $0.hasSuffix("\r\n") })
        XCTAssertEqual(try AUPExport.signatures(workspace.aup, format: .csv), csvLines.joined())
    }
}
