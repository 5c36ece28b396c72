import Foundation

/// Writes a ``JSONValue`` as `JSONValue.prettyJSON()` would, byte for byte, without the
/// `Codable` machinery (which cost about 30 µs a row of a signature export). It is exact by
/// construction where the encoder's choices are its own: the order of an object's keys, the escape
/// of each control character, empty arrays and objects, and every floating-point number are taken
/// from `JSONEncoder` itself (once for each shape of keys), and characters that could act on a
/// terminal are written as `\uXXXX` as ``TerminalText/jsonEscaped(_:)`` writes them.
/// `JSONPrettyWriterTests` compares the two on every character up to U+3000 and on real exports.
struct JSONPrettyWriter {
    private let encoder: JSONEncoder
    /// Each set of keys in the order the encoder writes them (it sorts them in its own way).
    private var keyOrders: [[String]: [String]] = [:]
    private let controlEscapes: [String]
    private let emptyArray: String
    private let emptyObject: String

    init(encoder: JSONEncoder) {
        self.encoder = encoder
        func encoded<T: Encodable>(_ value: T) -> String { (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        controlEscapes = (0..<0x20).map { value in
            let quoted = encoded(String(Character(Unicode.Scalar(UInt8(value)))))
            return String(quoted.dropFirst().dropLast())
        }
        emptyArray = encoded([String]())
        emptyObject = encoded([String: String]())
    }

    /// `value` as pretty JSON, each line after the first indented by `indent` spaces more.
    mutating func text(_ value: JSONValue, indent: Int = 0) throws -> String {
        var out = ""
        try write(value, indent: indent, into: &out)
        return out
    }

    mutating func write(_ value: JSONValue, indent: Int, into out: inout String) throws {
        switch value {
        case .string(let text): writeString(text, into: &out)
        case .integer(let number): out += String(number)
        case .number: out += String(decoding: try encoder.encode(value), as: UTF8.self)  // the encoder's own digits
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += Self.indented(emptyArray, by: indent); return }
            let inner = String(repeating: " ", count: indent + 2)
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "" : ",\n") + inner
                try write(item, indent: indent + 2, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += Self.indented(emptyObject, by: indent); return }
            let inner = String(repeating: " ", count: indent + 2)
            out += "{\n"
            for (index, key) in try order(of: members).enumerated() {
                out += (index == 0 ? "" : ",\n") + inner
                writeString(key, into: &out)
                out += " : "
                try write(members[key] ?? .null, indent: indent + 2, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        }
    }

    /// The keys in the encoder's order, asked of the encoder once per set of keys: it writes a
    /// probe whose values are the keys' places in `keys`, one member a line, and the values read
    /// back from the ends of its lines give the order.
    private mutating func order(of members: [String: JSONValue]) throws -> [String] {
        let keys = members.keys.sorted()
        if let known = keyOrders[keys] { return known }
        let probe = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let lines = String(decoding: try encoder.encode(probe), as: UTF8.self).split(separator: "\n").dropFirst().dropLast()
        let places = lines.compactMap { line -> Int? in
            let member = line.hasSuffix(",") ? line.dropLast() : line
            return member.range(of: " : ", options: .backwards).flatMap { Int(member[$0.upperBound...]) }
        }
        guard places.count == keys.count, Set(places).count == keys.count, places.allSatisfy(keys.indices.contains) else {
            throw EncodingError.invalidValue(probe, .init(codingPath: [], debugDescription: "JSONEncoder wrote an object in an unexpected shape"))
        }
        let result = places.map { keys[$0] }
        keyOrders[keys] = result
        return result
    }

    /// The encoder's text of a value written at the top level, as it stands `indent` deep: every
    /// line after the first that is not empty moves right.
    private static func indented(_ text: String, by indent: Int) -> String {
        guard indent > 0, text.contains("\n") else { return text }
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }

    private func writeString(_ text: String, into out: inout String) {
        out += "\""
        var clean = text
        let plain = clean.withUTF8 { bytes in
            TerminalText.isClean(bytes, allowingCRLF: false) && !bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
        }
        if plain {
            out += clean
        } else {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0..<0x20: out += controlEscapes[Int(scalar.value)]
                default:
                    if TerminalText.isUnsafe(scalar) {
                        out += String(format: "\\u%04X", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }
}
