import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The store's fast writer gives exactly the bytes `StoreJSON.makeEncoder()` gives, for the
/// documents it writes (signature files and the directory) and for every awkward value: empty
/// lists, optional members absent and present, every control character, non-ASCII text, long
/// strings, extreme numbers and dates; and the store writes documents with it.
final class StoreFastJSONWriterTests: StoreTestCase {
    /// Asserts that `value`'s fast bytes are its encoder bytes; on a difference, says where.
    private func assertSameAsEncoder<T: StoreFastEncodable & Encodable>(_ value: T, _ message: String = "",
                                                                        file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try StoreJSON.makeEncoder().encode(value)
        let fast = try XCTUnwrap(value.fastEncoded(), "\(message): written on the fast path", file: file, line: line)
        XCTAssertEqual(fast.count, expected.count, "\(message): length", file: file, line: line)
        assertSameBytes(Array(fast), Array(expected), message, file: file, line: line)
    }

    /// Asserts that two byte strings are equal, naming the first difference and what is around it.
    private func assertSameBytes(_ got: [UInt8], _ expected: [UInt8], _ message: String,
                                 file: StaticString = #filePath, line: UInt = #line) {
        guard got != expected else { return }
        let at = (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] } ?? min(got.count, expected.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, at - 60)..<min(bytes.count, at + 60)], as: UTF8.self).debugDescription
        }
        XCTFail("\(message): first difference at byte \(at): got \(around(got)), expected \(around(expected))", file: file, line: line)
    }

    private let actor = AuditActor(id: "staff-7", name: "Sam Patel")
    private let day = CivilDate(year: 2026, month: 11, day: 25)!

    private func signature(_ text: String, lapses: CivilDate? = nil, method: AUPSignature.Method = .terminal,
                           kind: AUPKind = .pupil, at seconds: Double = 1_795_600_000.75) -> AUPSignature {
        AUPSignature(personID: "pupil-\(text)", kind: kind, versionID: "v-\(text)", signedOn: day,
                     recordedAt: Date(timeIntervalSince1970: seconds), method: method,
                     witness: AuditActor(id: "id-\(text)", name: text), lapsesAfter: lapses)
    }

    private func person(_ text: String, id: String = "P0001") -> Person {
        Person(id: id, fullName: text, title: text, phone: text, email: text, notes: text)
    }

    private func directory(people: [Person] = [], roles: [Role] = [], next: Int = 1) -> DirectoryDocument {
        DirectoryDocument(RoleDirectory(people: people, roles: roles, nextPersonNumber: next))
    }

    /// Every Unicode scalar up to U+3000, then samples of every plane, alone between letters.
    private static let everyCharacter: [String] = {
        var texts: [String] = []
        for value in Array(UInt32(0)...0x3000) + [0xD7FF, 0xE000, 0xFDD0, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            texts.append("a" + String(Character(scalar)) + "z")
        }
        return texts
    }()

    /// Text that is awkward to write: what JSON escapes, what it must not escape, and text that
    /// Unicode compares in its own ways.
    private static let awkward: [String] = [
        "", " ", "\"", "\\", "/", "\\\"", "\"\"", "\\\\", "a/b\\c\"d", "http://example.org/a?b=c&d=e",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}",
        "\r\n", "\n\n\n", "\t tab", "\u{8}\u{C}", "\u{0}", "end\u{0}",
        "Zoë Ōkubo", "李 Wei", "Siân O'Brien-Ōkubo", "😀", "👨‍👩‍👧 family", "🇬🇧", "e\u{301}", "é", "Å\u{30A}", "\u{212B}",
        "\u{2028}\u{2029}", "\u{200B}\u{200D}\u{FEFF}", "\u{202E}reversed", "\u{1B}[2J", "\u{9B}", "\u{85}",
        "_revision", "Z", "a", "_", "~", "ß", "ss",
        String(repeating: "long text ", count: 10_000),
        String(repeating: "\"\\\n/é😀\u{1}", count: 5_000),
    ]

    // MARK: Hand-made values

    func testEmptyDocumentsAndEmptyListsAtEveryDepth() throws {
        try assertSameAsEncoder(SignatureShardDocument(signatures: []), "no signatures")
        try assertSameAsEncoder(directory(), "no people, no roles")
        try assertSameAsEncoder(directory(roles: [Role(id: "r", name: "")]), "a role with no responsibilities or holders")
        try assertSameAsEncoder(directory(people: [Person(id: "", fullName: "")], roles: [Role(id: "", name: "")]), "every string empty")
        let roles = [Role(id: "a", name: "A", responsibilities: [], holderIDs: ["P1"]),
                     Role(id: "b", name: "B", responsibilities: ["one"], holderIDs: []),
                     Role(id: "c", name: "C", responsibilities: [""], holderIDs: ["", ""])]
        try assertSameAsEncoder(directory(roles: roles), "empty and one-element lists side by side")
    }

    func testNestedArraysAndNumbersAtTheTopLevel() throws {
        let nested: [[[String]]] = [[], [[]], [[], ["x"]], [["a", "b"], []]]
        XCTAssertEqual(Array(StoreFastEncoder.encode(nested)!), Array(try StoreJSON.makeEncoder().encode(nested)))
        let numbers = [Int.min, Int.min + 1, -1, 0, 1, 9, 10, 99, 1_000_000, Int.max]
        XCTAssertEqual(Array(StoreFastEncoder.encode(numbers)!), Array(try StoreJSON.makeEncoder().encode(numbers)))
        XCTAssertEqual(Array(StoreFastEncoder.encode([true, false])!), Array(try StoreJSON.makeEncoder().encode([true, false])))
        for next in [Int.min, -1, 0, 1, 123_456, Int.max] { try assertSameAsEncoder(directory(next: next), "next \(next)") }
    }

    func testOptionalMembersAbsentAndPresentAndEveryEnumCase() throws {
        var signatures: [AUPSignature] = []
        for kind in AUPKind.allCases {
            for method in AUPSignature.Method.allCases {
                signatures.append(signature("\(kind)-\(method)", method: method, kind: kind))
                signatures.append(signature("\(kind)-\(method)-lapses", lapses: day.adding(days: 3), method: method, kind: kind))
            }
        }
        try assertSameAsEncoder(SignatureShardDocument(signatures: signatures), "every kind and method, lapsing and not")
        try assertSameAsEncoder(SignatureShardDocument(signatures: [signature("only", lapses: day)]), "one signature that lapses")
        try assertSameAsEncoder(SignatureShardDocument(signatures: [signature("only")]), "one signature that does not")
    }

    func testDatesAndDaysAtTheirLimits() throws {
        let seconds: [Double] = [0, -1, -0.5, 0.999, 1_795_600_000, 1_795_600_000.999_999, -2_208_988_800, 253_402_300_799,
                                 Date.distantPast.timeIntervalSince1970, Date.distantFuture.timeIntervalSince1970]
        let days = [CivilDate(year: 1, month: 1, day: 1)!, CivilDate(year: 999, month: 12, day: 31)!,
                    CivilDate(year: 2028, month: 2, day: 29)!, CivilDate(year: 9999, month: 12, day: 31)!]
        var signatures = seconds.map { signature("at \($0)", at: $0) }
        for civil in days {
            var one = signature("\(civil)", lapses: civil)
            one.signedOn = civil
            signatures.append(one)
        }
        try assertSameAsEncoder(SignatureShardDocument(signatures: signatures), "dates and days")
    }

    func testEveryCharacterUpToU3000AndEachPlaneInEveryStringField() throws {
        let texts = Self.everyCharacter
        try assertSameAsEncoder(directory(people: texts.map { person($0, id: $0) }), "people")
        try assertSameAsEncoder(SignatureShardDocument(signatures: texts.map { signature($0) }), "signatures")
        let roles = texts.map { Role(id: $0, name: $0, summary: $0, responsibilities: [$0, $0], holderIDs: [$0], source: $0) }
        try assertSameAsEncoder(directory(roles: roles), "roles")
        try assertSameAsEncoder(directory(people: [person(texts.joined())]), "all of them in one string")
    }

    func testAwkwardTextInEveryStringField() throws {
        for text in Self.awkward {
            let label = "text \(text.prefix(20).debugDescription) (\(text.utf8.count) bytes)"
            try assertSameAsEncoder(directory(people: [person(text, id: text)],
                                              roles: [Role(id: text, name: text, summary: text, responsibilities: [text],
                                                           holderIDs: [text], source: text)]), label)
            var one = signature(text, lapses: day)
            one.personID = text
            one.versionID = text
            one.witness = AuditActor(id: text, name: text)
            try assertSameAsEncoder(SignatureShardDocument(signatures: [one]), label)
        }
    }

    // MARK: Stores

    /// Checks each signature file and the directory of `store`: decoded and written again on the
    /// fast path, it is the encoder's bytes, and the file holds those bytes with its revision.
    private func checkDocuments(of store: Store, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let names = try store.documentNames(in: AUPDocumentName.signatureFolder) + [DocumentName.directory]
        let decoder = StoreJSON.makeDecoder()
        for name in names {
            let onDisk = try Data(contentsOf: store.directory.appendingPathComponent(name + ".json"))
            let fast: Data
            if name == DocumentName.directory {
                let document = try decoder.decode(DirectoryDocument.self, from: onDisk)
                try assertSameAsEncoder(document, name, file: file, line: line)
                fast = try XCTUnwrap(document.fastEncoded())
            } else {
                let document = try decoder.decode(SignatureShardDocument.self, from: onDisk)
                try assertSameAsEncoder(document, name, file: file, line: line)
                fast = try XCTUnwrap(document.fastEncoded())
            }
            let revision = try XCTUnwrap(store.committedRevision(of: name), name, file: file, line: line)
            let stamped = try StoreRevision.stampEncoded(fast + [0x0A], revision: revision, file: name)
            assertSameBytes(Array(onDisk), Array(stamped), "\(name) as stored", file: file, line: line)
        }
        return names.count
    }

    func testEverySignatureFileAndTheDirectoryOfTheDemoStore() throws {
        let workspace = try demoWorkspace()
        XCTAssertGreaterThanOrEqual(try checkDocuments(of: workspace.store), 10)
    }

    func testEverySignatureFileAndTheDirectoryOfAGeneratedStore() throws {
        var counts = BenchDataGenerator.Counts(scale: 1)
        counts.pupils = 120; counts.staff = 12; counts.governors = 3; counts.guests = 4; counts.parents = 30
        counts.signatures = 600; counts.incidents = 2; counts.reviewRecords = 2
        let store = try BenchDataGenerator(scale: 1, counts: counts).generate(at: storeURL).store
        defer { store.close() }
        XCTAssertGreaterThanOrEqual(try checkDocuments(of: store), 50)
    }

    // MARK: The store's use of it

    /// A document whose fast bytes differ from its `Codable` ones, to tell which path wrote it.
    private struct Marked: Codable, StoreFastEncodable {
        var fast: Data?
        var name = "codable"
        func fastEncoded() -> Data? { fast }
        enum CodingKeys: String, CodingKey { case name }
    }

    func testTheStoreWritesTheFastBytesAndFallsBackToTheEncoderOnNil() throws {
        let store = try Store.create(at: storeURL) { _ in }
        defer { store.close() }
        try store.save(Marked(fast: Data("{\n  \"name\" : \"fast\"\n}".utf8)), to: "marked-fast", actor: sam, action: "test",
                       recordID: nil, summary: "fast")
        try store.save(Marked(fast: nil), to: "marked-slow", actor: sam, action: "test", recordID: nil, summary: "slow")
        XCTAssertEqual(String(decoding: try bytes("marked-fast.json"), as: UTF8.self), "{\n  \"_revision\" : 1,\n  \"name\" : \"fast\"\n}\n")
        XCTAssertEqual(String(decoding: try bytes("marked-slow.json"), as: UTF8.self), "{\n  \"_revision\" : 1,\n  \"name\" : \"codable\"\n}\n")
        XCTAssertTrue(store.check().isEmpty, "\(store.check())")
    }
}
