import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The byte reader the fast decoders share reads each kind of value exactly as `JSONDecoder`
/// with the store's settings does, or gives up (nil): never another value, never a crash.
final class StoreFastJSONReaderTests: XCTestCase {
    /// One value in an array, so `JSONDecoder` reads it as a member, as the store's documents have it.
    private func slow<T: Decodable>(_ type: T.Type, _ json: String) -> T? {
        try? StoreJSON.makeDecoder().decode([T].self, from: Data("[\(json)]".utf8)).first
    }

    private func fast<T>(_ json: String, _ read: (inout StoreFastJSONReader) -> T?) -> T? {
        StoreFastJSONReader.decode(Data(json.utf8), read)
    }

    /// Fast and slow agree (fast may give up); returns what the fast reader read.
    @discardableResult
    private func agree<T: Decodable & Equatable>(_ json: String, _ type: T.Type, file: StaticString = #filePath, line: UInt = #line,
                                                 _ read: (inout StoreFastJSONReader) -> T?) -> T? {
        let value = fast(json, read)
        if let value { XCTAssertEqual(value, slow(type, json), json, file: file, line: line) }
        return value
    }

    func testStringsWithEveryEscapeAreReadAsJSONDecoderReadsThem() {
        let read: [(String, String)] = [
            (#""plain""#, "plain"),
            (#""Zoë Ōkubo 李 😀""#, "Zoë Ōkubo 李 😀"),
            (#""\" \\ \/ \b \f \n \r \t""#, "\" \\ / \u{8} \u{C} \n \r \t"),
            (#""\u0041\u00e9\u00E9\u674e\u0000""#, "Aéé李\u{0}"),
            (#""\ud83d\ude00 and \uD83D\uDE00""#, "😀 and 😀"),
            (#""""#, ""),
            (#"  "spaced"  "#, "spaced"),
        ]
        for (json, text) in read {
            XCTAssertEqual(agree(json, String.self) { $0.string() }, text, json)
        }
        let refused = [#""\ud83d""#, #""\ude00\ud83d""#, #""\ud83d\u0041""#, #""\ud83dx""#, #""\x""#, #""\u12""#, #""\u12G4""#,
                       "\"tab\there\"", "\"cut", #""cut\"#, "plain", "'single'", #""a" "b""#]
        for json in refused {
            XCTAssertNil(fast(json) { $0.string() }, json)
        }
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0x5C, 0x22, 0xE9, 0x22]] {
            XCTAssertNil(StoreFastJSONReader.decode(Data(bytes)) { $0.string() }, "\(bytes): invalid UTF-8")
        }
    }

    func testKeysAreMatchedWithTheirEscapesReadAndOnlyOnce() {
        enum Key: String, CaseIterable { case id, name }
        let keys = StoreFastJSONReader.Keys(Key.self)
        func names(_ json: String) -> [Key]? {
            fast(json) { reader -> [Key]? in
                var seen: [Key] = []
                return reader.object(keys) { reader, key in seen.append(key); return reader.string() != nil } ? seen : nil
            }
        }
        XCTAssertEqual(names(#"{"id": "a", "name": "b"}"#), [.id, .name])
        XCTAssertEqual(names(#"{"n\u0061me": "b", "\u0069d": "a"}"#), [.name, .id])
        XCTAssertEqual(names("{ }"), [])
        XCTAssertNil(names(#"{"id": "a", "id": "b"}"#), "a key twice")
        XCTAssertNil(names(#"{"id": "a", "\u0069d": "b"}"#), "a key twice, once escaped")
        XCTAssertNil(names(#"{"id": "a", "other": "b"}"#), "an unknown key")
        XCTAssertNil(names(#"{"Id": "a"}"#), "keys are matched exactly")
        XCTAssertNil(names(#"{"id": "a",}"#), "a trailing comma")
        XCTAssertNil(names(#"{"id" "a"}"#))
    }

    func testNumbersAndLiteralsAreReadOnlyInTheirJSONForms() {
        for (json, value) in [("0", 0), ("7", 7), ("-12", -12), ("-0", 0), (" 123456789012345678 ", 123_456_789_012_345_678)] {
            XCTAssertEqual(agree(json, Int.self) { $0.integer() }, value, json)
        }
        for json in ["01", "1.0", "1e3", "1E3", "-", "+1", "1234567890123456789", "\"1\"", "", "0x10", "--1"] {
            XCTAssertNil(fast(json) { $0.integer() }, json)
        }
        XCTAssertEqual(agree("true", Bool.self) { $0.bool() }, true)
        XCTAssertEqual(agree(" false", Bool.self) { $0.bool() }, false)
        for json in ["True", "1", "\"true\"", "tru", "null", "falsey"] {
            XCTAssertNil(fast(json) { $0.bool() }, json)
        }
        var slot: String? = "untouched"
        XCTAssertEqual(fast("null") { $0.readOptional(into: &slot) { $0.string() } }, true)
        XCTAssertEqual(slot, "untouched", "null leaves an optional member as it is (nil in a decoder)")
    }

    func testDatesDaysAndTimesAreReadByTheirCodableRules() {
        for json in [#""2026-11-25T09:14:03Z""#, #""2026-11-25T09:14:03.5+01:00""#, #""2026-11-25 09:14:03z""#, #""\u0032026-11-25T09:14:03Z""#,
                     #""2026-02-30T09:14:03Z""#, #""2026-11-25""#, #""""#, "20261125"] {
            XCTAssertEqual(fast(json) { $0.date() }, slow(Date.self, json), json)
        }
        XCTAssertNotNil(fast(#""\u0032026-11-25T09:14:03Z""#) { $0.date() }, "an escaped date is still a date")
        for json in [#""2026-11-25""#, #""2024-02-29""#, #""+202-01-01""#, #""2026-02-29""#, #""2026-1-25""#, #""\u0032026-11-25""#,
                     #""0000-01-01""#, #""2026-11-25T00:00:00Z""#] {
            XCTAssertEqual(fast(json) { $0.civilDate() }, slow(CivilDate.self, json), json)
        }
        XCTAssertEqual(fast(#""+202-01-01""#) { $0.civilDate() }, CivilDate(year: 202, month: 1, day: 1), "as CivilDate(iso8601:) reads it")
        for json in [#""09:05""#, #""9:05""#, #""09.05""#, #""0905""#, #"" 09:05 ""#, #""24:00""#, #""23:60""#, #""9""#, #""\u00309:05""#] {
            XCTAssertEqual(fast(json) { $0.clockTime() }, slow(ClockTime.self, json), json)
        }
        XCTAssertEqual(fast(#""9:05""#) { $0.clockTime() }, ClockTime(hour: 9, minute: 5))
    }

    func testBase64IsReadAsJSONDecodersDefaultReadsIt() {
        for json in [#""""#, #""AA==""#, #""AAE=""#, #""AAEC""#, #""AA""#, #""AAE""#, #""A""#, #""AA=A""#, #""AA==AA==""#,
                     #""QUJD\nRA==""#, #""QU JD""#, #""QUJD\u0052A==""#, #""-_-_""#, #""QUJDRA==\/""#] {
            XCTAssertEqual(fast(json) { $0.base64Data() }, slow(Data.self, json), json)
        }
        XCTAssertEqual(fast(#""QUJDRA==""#) { $0.base64Data() }, Data("ABCD".utf8))
    }

    /// The bytes of the whole value `json` holds, as ``StoreFastJSONReader/skipValue()`` steps over them.
    private func steppedOver(_ json: String) -> String? {
        fast(json) { reader -> String? in
            reader.skipSpace()
            let start = reader.position
            guard reader.skipValue() else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.position]), as: UTF8.self)
        }
    }

    func testWholeValuesAreSteppedOverByJSONsGrammar() {
        let values = [#"{"a": [1, -2.5e+3, 0.25, 1E9, true, false, null, "x\"]}"], "b": {}}"#, "[]", "[[[]]]", #""\u00e9""#, "0", "-0.0e-0"]
        for json in values {
            XCTAssertEqual(steppedOver(json), json.trimmingCharacters(in: .whitespaces), json)
        }
        let broken = ["[1,]", "{\"a\" 1}", "{\"a\": }", "[1 2]", "01", "1.", ".5", "1e", "-", "+1", "tru", "nul", "\"\\x\"", "[", "{",
                      "}", "\"open", "{1: 2}", "NaN", "[\"\t\"]"]
        for json in broken {
            XCTAssertNil(steppedOver(json), json)
        }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertNil(steppedOver(deep), "nested deeper than the store allows: refused, not a crash")
        XCTAssertNil(StoreFastDecoder.decode([[String]].self, from: Data(deep.utf8)), "the decoder refuses it too")
        let allowed = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        XCTAssertNotNil(steppedOver(allowed))
        XCTAssertEqual(StoreFastDecoder.decode([AuditActor].self, from: Data(#"[{"id": "a", "name": "b"}]"#.utf8)), [AuditActor(id: "a", name: "b")])
        XCTAssertNil(StoreFastDecoder.decode([AuditActor].self, from: Data(#"[{"id": "a"}]"#.utf8)), "what JSONDecoder refuses")
    }

    func testArraysAndTheWholeDocument() {
        XCTAssertEqual(fast(#"[ "a" , "b" ]"#) { $0.array { $0.string() } }, ["a", "b"])
        XCTAssertEqual(fast(" [ ] \n") { $0.array { $0.string() } }, [])
        for json in [#"["a",]"#, #"["a" "b"]"#, #"["a", 1]"#, #"["a""#, #"["a"] x"#, #"["a"]]"#, ""] {
            XCTAssertNil(fast(json) { $0.array { $0.string() } }, json)
        }
        XCTAssertNil(StoreFastJSONReader.decode(Data()) { $0.string() }, "nothing at all")
    }
}
