import Foundation

/// An object of a document being written by ``StoreFastEncoder``: its members in the order given
/// (sorted when written out).
struct StoreFastKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let session: StoreFastEncoder.Session
    let composite: StoreFastEncoder.Composite

    var codingPath: [any CodingKey] { [] }

    fileprivate func put(_ value: StoreFastEncoder.Value, _ key: Key) {
        composite.keys.append(key.stringValue)
        composite.values.append(value)
    }

    func encodeNil(forKey key: Key) throws { put(session.null(), key) }
    func encode(_ value: Bool, forKey key: Key) throws { put(session.bool(value), key) }
    func encode(_ value: String, forKey key: Key) throws { put(session.string(value), key) }
    func encode(_ value: Double, forKey key: Key) throws { throw StoreFastEncoder.GaveUp() }  // JSONEncoder's own digits
    func encode(_ value: Float, forKey key: Key) throws { throw StoreFastEncoder.GaveUp() }
    func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(try session.value(value), key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = StoreFastEncoder.Composite(isObject: true)
        put(.composite(nested), key)
        return KeyedEncodingContainer(StoreFastKeyedEncodingContainer<NestedKey>(session: session, composite: nested))
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = StoreFastEncoder.Composite(isObject: false)
        put(.composite(nested), key)
        return StoreFastUnkeyedEncodingContainer(session: session, composite: nested)
    }

    /// Not written here as `JSONEncoder` writes them: the encoding gives up.
    func superEncoder() -> any Encoder { gaveUp() }
    func superEncoder(forKey key: Key) -> any Encoder { gaveUp() }

    private func gaveUp() -> any Encoder {
        session.gaveUp = true
        return StoreFastValueEncoder(session: session, slot: StoreFastEncoder.Slot())
    }
}

/// Integers, signed and unsigned, in decimal.
extension StoreFastKeyedEncodingContainer {
    func encode(_ value: Int, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: Int8, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: Int16, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: Int32, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: Int64, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: UInt, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: UInt8, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: UInt16, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: UInt32, forKey key: Key) throws { put(session.integer(value), key) }
    func encode(_ value: UInt64, forKey key: Key) throws { put(session.integer(value), key) }
}
