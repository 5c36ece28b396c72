import Foundation
import XCTest
@testable import ESafetyCore

/// The direct JSON writer of exports gives exactly what the encoder (and `jsonEscaped`) gives:
/// every character up to U+3000, nesting, empty lists, numbers, keys in the encoder's order.
final class JSONPrettyWriterTests: XCTestCase {
    private func viaEncoder(_ value: JSONValue) throws -> String { String(try value.prettyJSON().dropLast()) }

    private func viaWriter(_ value: JSONValue) throws -> String {
        var writer = JSONPrettyWriter(encoder: JSONValue.prettyEncoder)
        return try writer.text(value)
    }

    func testEveryCharacterUpToU3000IsWrittenAsTheEncoderAndJSONEscapedWriteIt() throws {
        var strings: [JSONValue] = []
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            strings.append(.string("a" + String(Character(scalar)) + "z"))
        }
        strings += [.string("😀 family 👨‍👩‍👧"), .string(""), .string("\\\"/\r\n\t"), .string("Siân O'Brien-Ōkubo 李")]
        for item in strings { XCTAssertEqual(try viaWriter(item), try viaEncoder(item)) }
    }

    func testNestedValuesEmptyListsNumbersAndKeyOrderAreTheEncoders() throws {
        let keys = ["personID", "name", "group", "class", "aup", "version", "signedOn", "method", "witness", "lapsesAfter",
                    "recordedAt", "Zeta", "alpha", "a10", "a9", "_revision", "é", "e", "F"]
        let object = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, JSONValue.integer($0)) }))
        let nested = JSONValue.object([
            "list": .array([.integer(-3), .number(0.1), .number(1e21), .number(-2.5), .bool(true), .bool(false), .null]),
            "empty list": .array([]), "empty object": .object([:]),
            "deeper": .array([.object(["x": .array([]), "y": .object([:])]), .array([.array([])]), object]),
        ])
        for value in [object, nested, .array([]), .object([:]), .array([nested, nested])] {
            XCTAssertEqual(try viaWriter(value), try viaEncoder(value))
        }
    }

    func testTheStreamedArrayDocumentIsTheWholeDocumentsText() throws {
        let items: [JSONValue] = [.object(["name": .string("Amira \u{1B}[2J Haddad"), "roles": .array([])]),
                                  .object(["name": .string("Tom"), "nested": .object(["k": .array([.string("\u{202E}x")])])])]
        var streamed = ""
        try JSONValue.writeArrayDocument(key: "people", items: items, to: { streamed += $0 })
        XCTAssertEqual(streamed, try JSONValue.object(["people": .array(items)]).prettyJSON())
        var none = ""
        try JSONValue.writeArrayDocument(key: "people", items: [JSONValue](), to: { none += $0 })
        XCTAssertEqual(none, try JSONValue.object(["people": .array([])]).prettyJSON())
    }
}
