import CivilTime
import Foundation

/// The byte-level JSON reader the store's fast decoders share (``StoreFastDecodable``):
/// ``StoreFastDecoder`` reads any `Decodable` type with it, and `SignatureShardFastDecoder`
/// reads signature files straight into their one known shape.
///
/// Each method reads one thing and returns nil (or false) for anything else, leaving the position
/// anywhere: the decoder built on it then gives up, and the store decodes with `JSONDecoder`,
/// which has the last word. Each reads its value exactly as ``StoreJSON/makeDecoder()`` does
/// (the same escapes, the same date, day and time formats, base64 as `JSONDecoder`'s default),
/// or not at all.
struct StoreFastJSONReader {
    /// The member names one kind of object may have, for ``object(_:_:)``: the raw values of
    /// `Key`'s cases, at most 64.
    struct Keys<Key: RawRepresentable & CaseIterable & Sendable>: Sendable where Key.RawValue == String {
        let cases: [Key]
        let names: [[UInt8]]

        init(_ type: Key.Type) {
            cases = Array(Key.allCases)
            names = cases.map { Array($0.rawValue.utf8) }
            precondition(cases.count <= 64, "a key set has at most 64 keys")
        }

        func index<Name: Collection>(of name: Name) -> Int? where Name.Element == UInt8 {
            names.firstIndex { $0.count == name.count && $0.elementsEqual(name) }
        }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Texts that repeat within a document (version ids, who recorded what), kept once: at
    /// 100,000 signatures this saves two small allocations each.
    var repeated: [String: String] = [:]

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value `body` reads from the whole of `data`; nil unless only white space follows it.
    static func decode<T>(_ data: Data, _ body: (inout StoreFastJSONReader) -> T?) -> T? {
        data.withUnsafeBytes { raw -> T? in
            var reader = StoreFastJSONReader(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = body(&reader) else { return nil }
            reader.skipSpace()
            return reader.position == reader.bytes.count ? value : nil
        }
    }

    // MARK: Structure

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Steps over white space and `byte`; false (having stepped over the space) if `byte` is not next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// `{ "key" : value, ... }`, calling `member` for each key, which reads its value. False for
    /// a key not in `keys`, a key twice, or anything else amiss.
    mutating func object<Key>(_ keys: Keys<Key>, _ member: (inout StoreFastJSONReader, Key) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        var seen: UInt64 = 0
        repeat {
            guard let index = key(in: keys), seen & (1 << UInt64(index)) == 0, take(0x3A) else { return false }
            seen |= 1 << UInt64(index)
            guard member(&self, keys.cases[index]) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    /// Which of `keys` the next string is (compared as bytes when it has no escape).
    private mutating func key<Key>(in keys: Keys<Key>) -> Int? {
        skipSpace()
        let start = position
        if let plain = plainString() { return keys.index(of: plain.bytes) }
        position = start
        return string().flatMap { keys.index(of: $0.utf8) }
    }

    /// `[ value, ... ]`, each read by `element`.
    mutating func array<T>(_ element: (inout StoreFastJSONReader) -> T?) -> [T]? {
        guard take(0x5B) else { return nil }
        var list: [T] = []
        if take(0x5D) { return list }
        repeat {
            guard let item = element(&self) else { return nil }
            list.append(item)
        } while take(0x2C)
        return take(0x5D) ? list : nil
    }

    /// A required member: `value` read into `slot`; false if it cannot be read.
    mutating func read<T>(into slot: inout T?, _ value: (inout StoreFastJSONReader) -> T?) -> Bool {
        slot = value(&self)
        return slot != nil
    }

    /// An optional member, as `decodeIfPresent` reads it: `null` leaves `slot` nil.
    mutating func readOptional<T>(into slot: inout T?, _ value: (inout StoreFastJSONReader) -> T?) -> Bool {
        literalNull() || read(into: &slot, value)
    }

    // MARK: Values

    mutating func literalNull() -> Bool { literal("null") }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    /// A JSON integer (no fraction, no exponent) of at most 18 digits, perhaps negative.
    mutating func integer() -> Int? {
        skipSpace()
        let negative = position < bytes.count && bytes[position] == 0x2D
        if negative { position += 1 }
        let start = position
        var value = 0
        while position < bytes.count, Self.isDigit(bytes[position]) {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
            guard position - start <= 18 else { return nil }
        }
        guard position > start, position == start + 1 || bytes[start] != 0x30 else { return nil }  // no leading zero
        if position < bytes.count, bytes[position] == 0x2E || bytes[position] == 0x65 || bytes[position] == 0x45 { return nil }
        return negative ? -value : value
    }

    /// A string, its escapes read (`\uXXXX` with surrogate pairs); nil for a bad escape, a lone
    /// surrogate, a control character or invalid UTF-8.
    mutating func string() -> String? {
        skipSpace()
        let start = position
        if let plain = plainString() {
            // ASCII is valid UTF-8 as it is; anything else is checked (invalid means give up).
            return plain.ascii ? String(decoding: plain.bytes, as: UTF8.self) : String(validating: plain.bytes, as: UTF8.self)
        }
        position = start
        return escapedString()
    }

    /// A string that is likely to repeat, shared with its earlier copy.
    mutating func repeatedString() -> String? {
        guard let text = string() else { return nil }
        if let earlier = repeated[text] { return earlier }
        repeated[text] = text
        return text
    }

    /// A string-valued enumeration, by its raw value.
    mutating func rawValue<T: RawRepresentable>(_ type: T.Type) -> T? where T.RawValue == String {
        string().flatMap(T.init(rawValue:))
    }

    /// An instant as the store writes it (``StoreJSON/date(from:)``).
    mutating func date() -> Date? {
        skipSpace()
        let start = position
        if let plain = plainString() { return StoreJSON.date(fromUTF8: plain.bytes) }  // a date is ASCII
        position = start
        return string().flatMap(StoreJSON.date(from:))
    }

    /// A calendar day, `"yyyy-mm-dd"`, as `CivilDate`'s `Codable` reads it.
    mutating func civilDate() -> CivilDate? {
        skipSpace()
        let start = position
        if let plain = plainString(), plain.bytes.count == 10, plain.bytes[4] == 0x2D, plain.bytes[7] == 0x2D,
           let year = Self.digits(plain.bytes, 0, 4), let month = Self.digits(plain.bytes, 5, 2), let day = Self.digits(plain.bytes, 8, 2) {
            return CivilDate(year: year, month: month, day: day)
        }
        position = start
        return string().flatMap(CivilDate.init(iso8601:))
    }

    /// A time of day, `"HH:MM"`, as `ClockTime`'s `Codable` reads it.
    mutating func clockTime() -> ClockTime? {
        skipSpace()
        let start = position
        if let plain = plainString(), plain.bytes.count == 5, plain.bytes[2] == 0x3A,
           let hour = Self.digits(plain.bytes, 0, 2), let minute = Self.digits(plain.bytes, 3, 2) {
            return ClockTime(hour: hour, minute: minute)
        }
        position = start
        guard let text = string(), case .success(let time) = ClockTime.parse(text) else { return nil }
        return time
    }

    /// Bytes written in base64, as `JSONDecoder`'s default data strategy reads them.
    mutating func base64Data() -> Data? {
        string().flatMap { Data(base64Encoded: $0) }
    }

    /// `{ "id" : …, "name" : … }`, its texts shared with their earlier copies.
    mutating func auditActor() -> AuditActor? {
        var id, name: String?
        let read = object(Self.actorKeys) { reader, key in
            switch key {
            case .id: return reader.read(into: &id) { $0.repeatedString() }
            case .name: return reader.read(into: &name) { $0.repeatedString() }
            }
        }
        guard read, let id, let name else { return nil }
        return AuditActor(id: id, name: name)
    }

    private enum ActorKey: String, CaseIterable { case id, name }
    private static let actorKeys = Keys(ActorKey.self)

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The number written in `count` ASCII digits from `from`; nil if any is not a digit.
    private static func digits(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for index in from..<(from + count) {
            guard isDigit(text[index]) else { return nil }
            value = value * 10 + Int(text[index] - 0x30)
        }
        return value
    }
}
