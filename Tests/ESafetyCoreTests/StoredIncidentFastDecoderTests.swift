import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The fast reader of incident files (a sealed file's envelope, or a plain record) gives what
/// `JSONDecoder` gives for `StoredIncident`, or nil.
final class StoredIncidentFastDecoderTests: IncidentFastDecoderTestCase {
    private func payload(_ seed: UInt8) -> SealedPayload {
        SealedPayload(encapsulatedKey: Data((0..<32).map { $0 &+ seed }), ciphertext: Data((0..<200).map { $0 &* 7 &+ seed }))
    }

    private func envelope(sealed: Bool = true, restricted: Bool = false, occurredOn: Bool = true) -> SealedIncidentFile {
        var file = SealedIncidentFile(id: "2026-0007", recordedAt: Date(timeIntervalSince1970: 1_795_000_000), status: .closed,
                                      occurredOn: occurredOn ? CivilDate(year: 2026, month: 11, day: 20) : nil)
        if sealed {
            file.sealed = payload(1)
            file.generation = 3
        }
        if restricted {
            file.restricted = RestrictedSeal(ciphertext: Data(repeating: 9, count: 300),
                                             wraps: [RestrictedSeal.Wrap(key: payload(2), tag: payload(3)), RestrictedSeal.Wrap(key: payload(4), tag: payload(5))])
        }
        return file
    }

    private func isSealed(_ stored: StoredIncident?) -> Bool? {
        switch stored {
        case .sealed?: return true
        case .plain?: return false
        case nil: return nil
        }
    }

    /// Asserts the fast reader gives what `JSONDecoder` gives (written out again, the same
    /// bytes; the same case), or nil. Returns what it read.
    @discardableResult
    private func assertAgrees(stored json: String, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) -> StoredIncident? {
        guard let fast = StoredIncident.fastDecode(Data(json.utf8), validated: false) else { return nil }
        let slow = try? StoreJSON.makeDecoder().decode(StoredIncident.self, from: Data(json.utf8))
        XCTAssertEqual(isSealed(fast), isSealed(slow), message, file: file, line: line)
        XCTAssertEqual(encoded(fast), slow.map { encoded($0) }, message, file: file, line: line)
        return fast
    }

    func testReadsEveryShapeOfEnvelope() throws {
        let shapes = [("sealed", envelope()), ("restricted", envelope(sealed: false, restricted: true)),
                      ("both", envelope(restricted: true)), ("no day", envelope(occurredOn: false))]
        for (name, file) in shapes {
            let json = encoded(StoredIncident.sealed(file))
            XCTAssertEqual(isSealed(try XCTUnwrap(assertAgrees(stored: json, name), name)), true, name)
            let stamped = String(decoding: try StoreRevision.stampEncoded(Data(json.utf8), revision: 4, file: "x"), as: UTF8.self)
            XCTAssertNotNil(assertAgrees(stored: stamped, name + " with its revision"), name)
            let tree = try TestJSON.parse(json)
            XCTAssertNotNil(assertAgrees(stored: tree.render(space: "\n ", order: { $0.sorted().reversed() }), name + " reordered"), name)
        }
        let tree = try TestJSON.parse(encoded(StoredIncident.sealed(envelope(restricted: true))))
        for path in [["sealed"], ["restricted"], ["generation"], ["occurredOn"]] {
            XCTAssertNotNil(assertAgrees(stored: try XCTUnwrap(tree.setting(path, to: .null)).render(), "\(path) null"), "\(path) null")
            XCTAssertNotNil(assertAgrees(stored: try XCTUnwrap(tree.setting(path, to: nil)).render(), "\(path) absent"), "\(path) absent")
        }
        let bothNull = try XCTUnwrap(tree.setting(["sealed"], to: .null)?.setting(["restricted"], to: .null)).render()
        XCTAssertEqual(isSealed(assertAgrees(stored: bothNull)), true, "sealed to nobody is still a sealed file (opening it says so)")
        let escapedKey = encoded(StoredIncident.sealed(envelope())).replacingOccurrences(of: "\"sealed\"", with: "\"\\u0073ealed\"")
        XCTAssertEqual(isSealed(assertAgrees(stored: escapedKey)), true)
    }

    func testReadsAPlainRecordAsTheStoreWritesIt() throws {
        let store = try makeStore()
        defer { store.close() }
        let record = richRecord(Self.awkward)
        try store.save(StoredIncident.plain(record), to: "incidents/2026-plain", actor: sam, action: "test", recordID: nil, summary: "a test")
        let written = try bytes("incidents/2026-plain.json")
        XCTAssertTrue(String(decoding: written, as: UTF8.self).contains("\"_revision\" : 1"))
        guard case .plain(let read)? = assertAgrees(stored: String(decoding: written, as: UTF8.self)) else { return XCTFail("not read as plain") }
        XCTAssertEqual(read, record)
        try store.save(StoredIncident.sealed(envelope(restricted: true)), to: "incidents/2026-0007", actor: sam, action: "test",
                       recordID: nil, summary: "a test")
        XCTAssertEqual(isSealed(assertAgrees(stored: String(decoding: try bytes("incidents/2026-0007.json"), as: UTF8.self))), true)
        XCTAssertEqual(isSealed(try store.load(StoredIncident.self, from: "incidents/2026-0007")), true, "the store reads it")
    }

    func testStepsAsideForAnythingUnusual() throws {
        let json = encoded(StoredIncident.sealed(envelope(restricted: true)))
        let tree = try TestJSON.parse(json)
        let unusual = [
            try XCTUnwrap(tree.setting(["id"], to: nil)).render(),                              // no id
            try XCTUnwrap(tree.setting(["sealed", "ciphertext"], to: .string("not base64!"))).render(),
            try XCTUnwrap(tree.setting(["restricted", "wraps", "0", "tag"], to: nil)).render(), // a wrap without its tag
            try XCTUnwrap(tree.setting(["generation"], to: .string("3"))).render(),
            try XCTUnwrap(tree.setting(["sealed"], to: nil)?.setting(["restricted"], to: nil)).render(),  // neither: no incident
            tree.render(duplicating: ["sealed"]), tree.render(duplicating: ["restricted", "wraps", "1", "key"]),
            tree.render(duplicating: ["status"]),
            String(json.prefix(json.count / 2)),
        ]
        for variant in unusual {
            XCTAssertNil(StoredIncident.fastDecode(Data(variant.utf8), validated: false), variant)
        }
        // An unknown key is passed over, as JSONDecoder passes it over.
        let noted = try XCTUnwrap(tree.setting(["note"], to: .string("x"))).render()
        XCTAssertEqual(isSealed(try XCTUnwrap(assertAgrees(stored: noted, "an unknown key"))), true)
        // A plain record with a sealed member is a sealed file to JSONDecoder, and so to the fast reader.
        let mixed = try XCTUnwrap(TestJSON.parse(encoded(richRecord())).setting(["sealed"], to: .null)).render()
        XCTAssertEqual(isSealed(try StoreJSON.makeDecoder().decode(StoredIncident.self, from: Data(mixed.utf8))), true)
        XCTAssertEqual(isSealed(try XCTUnwrap(assertAgrees(stored: mixed, "a record with a sealed member"))), true)
    }
}
