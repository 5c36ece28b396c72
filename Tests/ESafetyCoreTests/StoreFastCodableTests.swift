import Foundation
import XCTest
@testable import ESafetyCore

/// ``StoreFastDecoder`` and ``StoreFastEncoder`` read and write any `Codable` type exactly as
/// the store's `JSONDecoder` and `JSONEncoder` do, or give up (nil), never another value: here
/// on the shapes `Codable` can take that the store's documents do not all use.
final class StoreFastCodableTests: IncidentFastDecoderTestCase {
    /// A type written by hand with nested containers, a second ask for its container, and an
    /// optional written as an explicit null.
    private struct Nested: Codable, Equatable {
        var name: String
        var pairs: [[Int]]
        var inner: [String: Int]
        var note: String?

        enum CodingKeys: String, CodingKey { case name, pairs, inner, note, zNull }
        enum InnerKeys: String, CodingKey { case a, b }

        init(name: String, pairs: [[Int]], inner: [String: Int], note: String?) {
            self.name = name; self.pairs = pairs; self.inner = inner; self.note = note
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            var outer = try container.nestedUnkeyedContainer(forKey: .pairs)
            pairs = []
            while !outer.isAtEnd {
                var row = try outer.nestedUnkeyedContainer()
                var numbers: [Int] = []
                while !row.isAtEnd { numbers.append(try row.decode(Int.self)) }
                pairs.append(numbers)
            }
            inner = try container.decode([String: Int].self, forKey: .inner)
            note = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .note)
            guard try container.decodeNil(forKey: .zNull) else { throw DecodingError.dataCorruptedError(forKey: .zNull, in: container, debugDescription: "not null") }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            var outer = container.nestedUnkeyedContainer(forKey: .pairs)
            for numbers in pairs {
                var row = outer.nestedUnkeyedContainer()
                for number in numbers { try row.encode(number) }
            }
            try container.encode(inner, forKey: .inner)
            var again = encoder.container(keyedBy: CodingKeys.self)
            try again.encodeIfPresent(note, forKey: .note)
            try again.encodeNil(forKey: .zNull)
        }
    }

    private func assertRoundTrip<T: Codable & Equatable>(_ value: T, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let slow = try StoreJSON.makeEncoder().encode(value)
        let fast = try XCTUnwrap(StoreFastEncoder.encode(value), "\(message): written on the fast path", file: file, line: line)
        XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: slow, as: UTF8.self), message, file: file, line: line)
        let read = try XCTUnwrap(StoreFastDecoder.decode(T.self, from: slow), "\(message): read on the fast path", file: file, line: line)
        XCTAssertEqual(read, value, message, file: file, line: line)
        XCTAssertEqual(read, try StoreJSON.makeDecoder().decode(T.self, from: slow), message, file: file, line: line)
    }

    func testNestedContainersDictionariesAndExplicitNullsMatchFoundation() throws {
        try assertRoundTrip(Nested(name: "a/b \"q\" é", pairs: [[], [1, -2], [999_999_999_999_999_999]], inner: ["b": 2, "a": 1, "é": 3, "B": 0], note: nil), "nested")
        try assertRoundTrip(Nested(name: "", pairs: [], inner: [:], note: "x"), "empty")
    }

    func testEveryKindOfStoreRecordMatchesFoundation() throws {
        try assertRoundTrip(richRecord(), "a rich record")
        try assertRoundTrip(richRecord(Self.awkward), "awkward text")
        try assertRoundTrip([AuditActor(id: "os:sam", name: "Sam")], "actors")
    }

    /// The directory (read under the lock by every change to a person) and the attention
    /// documents of a store in use, read and written on the fast path as Foundation does.
    func testTheDirectoryAndAttentionDocumentsOfAStoreInUse() throws {
        let (workspace, _) = try schoolWithAccounts()
        workspace.store.close()
        let directory = try bytes("directory.json")
        let fast = try XCTUnwrap(DirectoryDocument.fastDecode(directory, validated: false), "the directory is read on the fast path")
        let slow = try StoreJSON.makeDecoder().decode(DirectoryDocument.self, from: directory)
        XCTAssertGreaterThanOrEqual(slow.people.count, 3)
        XCTAssertEqual(fast.people.map(\.id), slow.people.map(\.id))
        XCTAssertEqual(try XCTUnwrap(fast.fastEncoded()), try StoreJSON.makeEncoder().encode(slow))
        var attention = AttentionDocument()
        attention.opened = ["2026-0002", "2026-0003"]
        attention.reported = [.init(id: "2026-0001", recordedAt: Date(timeIntervalSince1970: 1_795_000_000))]
        XCTAssertEqual(try XCTUnwrap(attention.fastEncoded()), try StoreJSON.makeEncoder().encode(attention))
        XCTAssertEqual(StoreFastDecoder.decode(AttentionDocument.self, from: try StoreJSON.makeEncoder().encode(attention)), attention)
    }

    /// A member the type passes over is still checked as strictly as the store's validator
    /// checks a file: nothing is read that Foundation might refuse.
    func testAMemberPassedOverIsCheckedStrictly() {
        func read(_ unknown: [UInt8]) -> AuditActor? {
            StoreFastDecoder.decode(AuditActor.self, from: Data(#"{"id": "a", "name": "b", "zz": ""#.utf8 + unknown + #""}"#.utf8))
        }
        XCTAssertEqual(read(Array(#"Zoë 李 😀 \ud83d\ude00 \u00e9"#.utf8)), AuditActor(id: "a", name: "b"))
        // Escapes of a surrogate alone: left to JSONDecoder (the store's validator lets them be).
        for (name, text) in [("a lone high surrogate", #"\ud83d"#), ("a lone low surrogate", #"\ude00"#),
                             ("a high surrogate before another escape", #"\ud83d\u0041"#)] {
            XCTAssertNil(read(Array(text.utf8)), name)
        }
        // Bytes that are not UTF-8: refused here as the store's validator refuses them.
        let invalid: [(String, [UInt8])] = [
            ("a cut sequence", [0xC3]), ("a stray continuation byte", [0x80]), ("an overlong slash", [0xC0, 0xAF]),
            ("an encoded surrogate", [0xED, 0xA0, 0x80]), ("past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("0xFF", [0xFF]),
        ]
        for (name, bytes) in invalid {
            XCTAssertNil(read(bytes), name)
            let document = Data(#"{"id": "a", "name": "b", "zz": ""#.utf8 + bytes + #""}"#.utf8)
            XCTAssertNotNil(StoreJSONValidator.problem(in: document), "the store's validator refuses it too: \(name)")
        }
    }

    /// Strings are stepped over eight bytes at a time: whatever ends the plain run (a quote, an
    /// escape, a control character, non-ASCII, bytes that are not UTF-8, the end of the data) is
    /// found at every offset from a word's edge, in a value read and in a member passed over.
    func testWhatEndsAStringIsFoundAtEveryOffset() throws {
        let pieces: [(name: String, bytes: [UInt8], valid: Bool)] = [
            ("an escaped quote", Array(#"\""#.utf8), true), ("an escaped backslash", Array(#"\\"#.utf8), true),
            ("a \\u escape", Array(#"\u00e9"#.utf8), true), ("é", Array("é".utf8), true), ("😀", Array("😀".utf8), true),
            ("a raw tab", [0x09], false), ("a raw NUL", [0x00], false), ("0xFF", [0xFF], false), ("a cut sequence", [0xE2, 0x82], false),
        ]
        for offset in 0..<19 {
            let before = [UInt8](repeating: 0x61, count: offset), after = [UInt8](repeating: 0x62, count: 19 - offset)
            for piece in pieces {
                let text: [UInt8] = before + piece.bytes + after
                for member in ["name", "zz"] {  // read, and passed over
                    var bytes = Array(#"{"id": "a", "#.utf8)
                    if member == "zz" { bytes += Array(#""name": "n", "#.utf8) }
                    bytes += Array(#"""#.utf8) + Array(member.utf8)
                    bytes += Array(#"": ""#.utf8)
                    bytes += text
                    bytes += Array(#""}"#.utf8)
                    let data = Data(bytes)
                    let fast = StoreFastDecoder.decode(AuditActor.self, from: data)
                    let foundation = try? StoreJSON.makeDecoder().decode(AuditActor.self, from: data)
                    let label = "\(piece.name) after \(offset) bytes, in \(member)"
                    if piece.valid {
                        XCTAssertNotNil(fast, label)
                        XCTAssertEqual(fast, foundation, label)
                    } else {
                        XCTAssertNil(fast, label)
                    }
                }
                // The string never closed: nothing is read.
                let unclosed = Data(Array(#"[""#.utf8) + text)
                XCTAssertNil(StoreFastDecoder.decode([String].self, from: unclosed), "\(piece.name) after \(offset), unclosed")
            }
        }
        XCTAssertEqual(StoreFastDecoder.decode([String].self, from: Data(#"["abcdefghijklmnopq", "abcdefgh"]"#.utf8)),
                       ["abcdefghijklmnopq", "abcdefgh"])
    }

    func testWhatFoundationWritesItsOwnWayIsLeftToIt() {
        XCTAssertNil(StoreFastEncoder.encode([1.5]), "floating point: JSONEncoder's own digits")
        XCTAssertNil(StoreFastEncoder.encode([URL(fileURLWithPath: "/tmp")]))
        XCTAssertNil(StoreFastEncoder.encode([Decimal(1)]))
        XCTAssertNil(StoreFastDecoder.decode([URL].self, from: Data(#"["file:///tmp"]"#.utf8)))
        XCTAssertNil(StoreFastDecoder.decode([Double].self, from: Data("[1.5]".utf8)), "a fraction")
        XCTAssertEqual(StoreFastDecoder.decode([Double].self, from: Data("[2]".utf8)), [2], "a whole number is the same either way")
        XCTAssertNil(StoreFastDecoder.decode([Int8].self, from: Data("[128]".utf8)), "too large for its type")
        XCTAssertNil(StoreFastDecoder.decode([Int].self, from: Data("[\(Int.max)]".utf8)), "more than 18 digits: left to JSONDecoder")
        XCTAssertEqual(StoreFastDecoder.decode([UInt8].self, from: Data("[255]".utf8)), [255])
        XCTAssertNil(StoreFastDecoder.decode([String].self, from: Data(#"["a", "a"] x"#.utf8)), "trailing text")
    }

    /// A type whose coding JSONEncoder refuses or writes oddly: a superclass encoder, two
    /// single values, a value that encodes nothing.
    private struct Odd: Encodable {
        var kind: Int
        func encode(to encoder: any Encoder) throws {
            switch kind {
            case 0:
                var container = encoder.container(keyedBy: Nested.CodingKeys.self)
                _ = container.superEncoder()
            case 1:
                var single = encoder.singleValueContainer()
                try single.encode("a")
                try single.encode("b")
            default: break
            }
        }
    }

    func testOddEncodingsGiveUp() {
        for kind in 0...2 {
            XCTAssertNil(StoreFastEncoder.encode(Odd(kind: kind)), "kind \(kind)")
        }
    }
}
