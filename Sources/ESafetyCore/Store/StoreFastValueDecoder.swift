import Foundation

/// One value of a document being read by ``StoreFastDecoder``: the `Decoder` a type's
/// `init(from:)` is given, and the single-value container it may ask for.
struct StoreFastValueDecoder: Decoder, SingleValueDecodingContainer, StoreFastValueReading {
    let session: StoreFastDecoder.Session
    /// Where the value starts in the document.
    let start: Int

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try StoreFastKeyedContainer<Key>(session: session, start: start))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try StoreFastUnkeyedContainer(session: session, start: start)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { session.isNull(at: start) }

    func nextValue() -> Int { start }
}

/// A container that reads one value after another (or just one): the decoding of each of the
/// standard library's kinds of value, written once for the single-value and the unkeyed
/// containers. `nextValue()` says where the next value starts (and steps past it).
protocol StoreFastValueReading {
    var session: StoreFastDecoder.Session { get }
    func nextValue() throws -> Int
}

extension StoreFastValueReading {
    func decode(_ type: Bool.Type) throws -> Bool { try session.bool(at: nextValue()) }
    func decode(_ type: String.Type) throws -> String { try session.string(at: nextValue()) }
    func decode(_ type: Double.Type) throws -> Double { try session.floatingPoint(type, at: nextValue()) }
    func decode(_ type: Float.Type) throws -> Float { try session.floatingPoint(type, at: nextValue()) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try session.value(type, at: nextValue()) }
}

/// Integers, signed and unsigned: each must fit its type exactly, as `JSONDecoder` demands.
extension StoreFastValueReading {
    func decode(_ type: Int.Type) throws -> Int { try session.integer(type, at: nextValue()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try session.integer(type, at: nextValue()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try session.integer(type, at: nextValue()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try session.integer(type, at: nextValue()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try session.integer(type, at: nextValue()) }
    func decode(_ type: UInt.Type) throws -> UInt { try session.integer(type, at: nextValue()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try session.integer(type, at: nextValue()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try session.integer(type, at: nextValue()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try session.integer(type, at: nextValue()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try session.integer(type, at: nextValue()) }
}
