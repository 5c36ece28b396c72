import Foundation

/// A plain JSON value (the property-list subset: strings, numbers, booleans, arrays and
/// dictionaries), for exports whose shape differs from the stored records.
public indirect enum JSONValue: Encodable, Equatable, Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Pretty-printed with sorted keys and a final newline.
    public func prettyJSON() throws -> String {
        TerminalText.jsonEscaped(String(decoding: try Self.prettyEncoder.encode(self), as: UTF8.self)) + "\n"
    }

    static var prettyEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes `{ "<key>" : [ item, item, … ] }` pretty-printed, one item at a time, so a long list
    /// is never held as one text: the same JSON as `.object([key: .array(items)]).prettyJSON()`.
    public static func writeArrayDocument<Items: Sequence>(key: String, items: Items, to write: (String) throws -> Void) throws
        where Items.Element == JSONValue {
        var writer = JSONPrettyWriter(encoder: prettyEncoder)
        try write("{\n  " + writer.text(.string(key)) + " : [")
        var first = true
        for item in items {
            try write((first ? "\n    " : ",\n    ") + writer.text(item, indent: 4))
            first = false
        }
        try write(first ? "\n\n  ]\n}\n" : "\n  ]\n}\n")
    }
}
