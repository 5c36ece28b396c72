import Foundation

/// Writes JSON into a byte buffer exactly as the store's encoder (``StoreJSON/makeEncoder()``)
/// writes it: ``StoreFastEncoder`` gathers a value, and this writes it out.
///
/// What Foundation's `JSONEncoder` does with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// (checked on Swift 6.3.1, and by `StoreFastJSONWriterTests` on every build):
/// - each member or element on its own line, indented two spaces a level, `"key" : value`, with
///   `,` ending every line but the last; the closing bracket on its own line at the outer indent;
/// - an empty array or object as its brackets with an empty line between: `[\n\n<indent>]`;
/// - keys sorted by their UTF-8 bytes (so `B` < `_revision` < `a`, and `é` after every ASCII key),
///   not by `String`'s `<`; callers give the keys in that order (``key(_:)``), and keys are
///   escaped as strings are;
/// - in strings, `"` and `\` escaped, the control characters 0x00–0x1F as `\b \t \n \f \r` or
///   `\u00xx` (lowercase hex), everything else (`/`, DEL, non-ASCII) as its raw UTF-8 bytes;
/// - integers in decimal; `true`, `false`, `null`.
struct StoreFastJSONWriter {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// How many objects and arrays are open.
    private var depth = 0
    /// True until the first member or element of the innermost open object or array is started.
    private var isFirst = true

    /// A writer whose buffer has room for about `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: Structure

    mutating func beginObject() { open(0x7B) }
    mutating func endObject() { close(0x7D) }
    mutating func beginArray() { open(0x5B) }
    mutating func endArray() { close(0x5D) }

    /// Starts the next member of the open object: `"key" : `. An object's keys must come in
    /// the encoder's order: ascending by their bytes.
    mutating func key(_ key: String) {
        startItem()
        string(key)
        bytes.append(0x20)
        bytes.append(0x3A)
        bytes.append(0x20)
    }

    /// Starts the next element of the open array.
    mutating func element() { startItem() }

    /// Bytes already written as JSON (a scalar ``StoreFastEncoder`` wrote before).
    mutating func raw<Bytes: Collection>(_ written: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: written)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(0x0A)
        if isFirst { bytes.append(0x0A) }  // empty: JSONEncoder still breaks the line twice
        depth -= 1
        indent()
        bytes.append(bracket)
        isFirst = false  // the enclosing object or array holds at least this
    }

    private mutating func startItem() {
        if isFirst { isFirst = false } else { bytes.append(0x2C) }
        bytes.append(0x0A)
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    // MARK: Values

    /// `text` quoted and escaped as `JSONEncoder` escapes it.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
    }

    /// `text` quoted, for text known to need no escape (dates the store formats itself).
    mutating func plainString(_ text: String) {
        bytes.append(0x22)
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x22)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func escape(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x08: bytes.append(0x62)  // b
        case 0x09: bytes.append(0x74)  // t
        case 0x0A: bytes.append(0x6E)  // n
        case 0x0C: bytes.append(0x66)  // f
        case 0x0D: bytes.append(0x72)  // r
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }
}
