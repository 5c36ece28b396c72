import Foundation
import XCTest
@testable import ESafetyCore

final class StoreCorruptionTests: StoreTestCase {
    private let broken = """
        {
          "people" : [
            { "id" : "p1", "name" : "Ann", "yearGroup" : 3 },
            { "id" : "p2" "name" : "Ben", "yearGroup" : 4 }
          ]
        }

        """

    func testSyntaxErrorNamesFileLineAndColumn() throws {
        let store = try makeStore()
        try put(Data(broken.utf8), at: "people.json")
        let error = storeError { _ = try store.load(TestPeople.self, from: "people") }
        XCTAssertEqual(error, .corrupt(file: "people.json", reason: "line 4, column 19: expected ',' or '}' after a value in an object"))
        XCTAssertEqual(error?.description,
                       "people.json cannot be read: line 4, column 19: expected ',' or '}' after a value in an object. esafety has not changed it "
                       + "and will not save over it. Restore it from a backup, or ask IT support to repair it "
                       + "(it is a plain text file).")
    }

    func testTruncatedFileSaysItEndsEarly() throws {
        let store = try makeStore()
        let whole = try bytes("people.json")
        try put(whole.prefix(whole.count / 2), at: "people.json")
        guard case let .corrupt(file, reason)? = storeError({ _ = try store.load(TestPeople.self, from: "people") })
        else { return XCTFail() }
        XCTAssertEqual(file, "people.json")
        XCTAssertTrue(reason.hasPrefix("line ") && reason.contains("ends too early"), reason)
        try put(Data(), at: "people.json")
        XCTAssertEqual(storeError { _ = try store.load(TestPeople.self, from: "people") },
                       .corrupt(file: "people.json", reason: StoreJSONDiagnostics.emptyReason))
    }

    func testInvalidUTF8NamesLineAndColumn() throws {
        let store = try makeStore()
        var data = Data("{\n  \"people\" : [\n    { \"id\" : \"p1\", \"name\" : \"".utf8)
        data += [0xFF, 0xFE]
        data += Data("\", \"yearGroup\" : 1 }\n  ]\n}\n".utf8)
        try put(data, at: "people.json")
        guard case let .corrupt(file, reason)? = storeError({ _ = try store.load(TestPeople.self, from: "people") })
        else { return XCTFail() }
        XCTAssertEqual(file, "people.json")
        XCTAssertTrue(reason.hasPrefix("line 3, column 30: the text is not valid UTF-8"), reason)
    }

    func testWrongTypeAndMissingFieldNameTheFieldPath() throws {
        let store = try makeStore()
        // Valid JSON of the wrong shape, as a faulty esafety might commit (an outside edit is
        // refused sooner, as tampering: StoreIntegrityTests).
        try commitRaw(Data(#"{"people": [{"id": "p1", "name": "Ann", "yearGroup": 3}, {"id": "p2", "name": "Ben", "yearGroup": "four"}]}"#.utf8),
                      as: "people", in: store)
        guard case let .corrupt(_, reason)? = storeError({ _ = try store.load(TestPeople.self, from: "people") })
        else { return XCTFail() }
        XCTAssertTrue(reason.hasPrefix("at people[1].yearGroup: expected a whole number"), reason)

        try commitRaw(Data(#"{"people": [{"id": "p1", "yearGroup": 3}]}"#.utf8), as: "people", in: store)
        guard case let .corrupt(_, missing)? = storeError({ _ = try store.load(TestPeople.self, from: "people") })
        else { return XCTFail() }
        XCTAssertEqual(missing, "at people[0]: the field \"name\" is missing")

        try commitRaw(Data(#"{"people": [{"id": "p1", "name": "A", "yearGroup": 3, "born": "last Tuesday"}]}"#.utf8),
                      as: "people", in: store)
        guard case let .corrupt(_, date)? = storeError({ _ = try store.load(TestPeople.self, from: "people") })
        else { return XCTFail() }
        XCTAssertTrue(date.hasPrefix("at people[0].born: expected a date like"), date)
    }

    func testSaveOverAnUnparseableFileIsRefusedAndTheFileIsUnchanged() throws {
        let store = try makeStore()
        _ = try store.load(TestPeople.self, from: "people")  // the store has seen a good version
        try put(Data(broken.utf8), at: "people.json")        // then someone breaks it by hand
        let before = try bytes("people.json")
        let entries = try store.auditEntries().count
        let error = storeError {
            try store.save(TestPeople.sample, to: "people", actor: sam, action: "people.update", recordID: nil,
                           summary: "x")
        }
        XCTAssertEqual(error, .corrupt(file: "people.json", reason: "line 4, column 19: expected ',' or '}' after a value in an object"))
        XCTAssertEqual(try bytes("people.json"), before)
        XCTAssertEqual(try store.auditEntries().count, entries)
        XCTAssertEqual(temporaryFiles(), [])

        // Also from a fresh store that never read it, and for a file of the wrong shape.
        store.close()
        let fresh = try Store.open(at: storeURL)
        XCTAssertNotNil(storeError {
            try fresh.save(TestPeople.sample, to: "people", actor: sam, action: "people.update", recordID: nil,
                           summary: "x")
        })
        try put(Data(#"{"people": "not a list"}"#.utf8), at: "people.json")
        let wrongShape = storeError {
            try fresh.save(TestPeople.sample, to: "people", actor: sam, action: "people.update", recordID: nil,
                           summary: "x")
        }
        guard case .tampered(file: "people.json", _)? = wrongShape else { return XCTFail("\(String(describing: wrongShape))") }
        XCTAssertEqual(try bytes("people.json"), Data(#"{"people": "not a list"}"#.utf8))
    }

    func testSaveAfterAGoodLoadDoesNotNeedToReparseAndStillNoticesOutsideEdits() throws {
        let store = try makeStore()
        var people = try XCTUnwrap(store.load(TestPeople.self, from: "people"))
        people.people.append(TestPerson(id: "p3", name: "Cat", yearGroup: 2, born: nil))
        try store.save(people, to: "people", actor: sam, action: "person.add", recordID: "p3", summary: "Added Cat")
        // An outside edit after our save changes the fingerprint, so the next save re-validates.
        try put(Data("{ oops".utf8), at: "people.json")
        XCTAssertNotNil(storeError {
            try store.save(people, to: "people", actor: sam, action: "person.add", recordID: "p3", summary: "x")
        })
        XCTAssertEqual(try bytes("people.json"), Data("{ oops".utf8))
    }
}
