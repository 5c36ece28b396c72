import Foundation

/// An object of a document being read by ``StoreFastDecoder``: its members found in one pass
/// (each name and where its value starts), then read in whatever order the type asks for them.
/// A name twice makes it give up (``StoreFastObjectMembers``).
struct StoreFastKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    private let session: StoreFastDecoder.Session
    /// Kept apart from `Key`, so that finding a member needs no generic type made at run time.
    private let object: StoreFastObjectMembers

    var codingPath: [any CodingKey] { [] }

    init(session: StoreFastDecoder.Session, start: Int) throws {
        self.session = session
        object = try StoreFastObjectMembers(session: session, start: start)
    }

    /// Where `key`'s value starts; gives up if there is no such member.
    private func value(_ key: Key) throws -> Int {
        guard let start = object.value(named: key.stringValue, in: session.reader.bytes) else { throw StoreFastDecoder.GaveUp() }
        return start
    }

    var allKeys: [Key] { object.names(in: session.reader.bytes).compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object.value(named: key.stringValue, in: session.reader.bytes) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { session.isNull(at: try value(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try session.bool(at: value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try session.string(at: value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try session.floatingPoint(type, at: value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try session.floatingPoint(type, at: value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try session.value(type, at: value(key)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try StoreFastKeyedContainer<NestedKey>(session: session, start: value(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try StoreFastUnkeyedContainer(session: session, start: value(key))
    }

    /// `JSONDecoder` gives a missing `super` key a null value; this gives up instead.
    func superDecoder() throws -> any Decoder { throw StoreFastDecoder.GaveUp() }
    func superDecoder(forKey key: Key) throws -> any Decoder { StoreFastValueDecoder(session: session, start: try value(key)) }
}

/// Integers, signed and unsigned: each must fit its type exactly, as `JSONDecoder` demands.
extension StoreFastKeyedContainer {
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try session.integer(type, at: value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try session.integer(type, at: value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try session.integer(type, at: value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try session.integer(type, at: value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try session.integer(type, at: value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try session.integer(type, at: value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try session.integer(type, at: value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try session.integer(type, at: value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try session.integer(type, at: value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try session.integer(type, at: value(key)) }
}
