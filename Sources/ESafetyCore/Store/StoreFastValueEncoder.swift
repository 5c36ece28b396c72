import Foundation

/// One value of a document being written by ``StoreFastEncoder``: the `Encoder` a type's
/// `encode(to:)` is given, and the single-value container it may ask for.
struct StoreFastValueEncoder: Encoder, SingleValueEncodingContainer, StoreFastValueWriting {
    let session: StoreFastEncoder.Session
    let slot: StoreFastEncoder.Slot

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(StoreFastKeyedEncodingContainer<Key>(session: session, composite: composite(isObject: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        StoreFastUnkeyedEncodingContainer(session: session, composite: composite(isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// The object or array this value is, made on the first ask (a type may ask twice, and
    /// `JSONEncoder` then writes both into one object). If this value is already something
    /// else, the encoding gives up.
    private func composite(isObject: Bool) -> StoreFastEncoder.Composite {
        if case .composite(let existing)? = slot.value, existing.isObject == isObject { return existing }
        if slot.value != nil { session.gaveUp = true }
        let made = StoreFastEncoder.Composite(isObject: isObject)
        slot.value = .composite(made)
        return made
    }

    /// A single value: a second one for the same encoder is refused, as `JSONEncoder` refuses it.
    func append(_ value: StoreFastEncoder.Value) throws {
        guard slot.value == nil else { throw StoreFastEncoder.GaveUp() }
        slot.value = value
    }
}

/// A container that takes one value after another (or just one): the encoding of each of the
/// standard library's kinds of value, written once for the single-value and the unkeyed
/// containers.
protocol StoreFastValueWriting {
    var session: StoreFastEncoder.Session { get }
    func append(_ value: StoreFastEncoder.Value) throws
}

extension StoreFastValueWriting {
    func encodeNil() throws { try append(session.null()) }
    func encode(_ value: Bool) throws { try append(session.bool(value)) }
    func encode(_ value: String) throws { try append(session.string(value)) }
    func encode(_ value: Double) throws { throw StoreFastEncoder.GaveUp() }  // JSONEncoder's own digits
    func encode(_ value: Float) throws { throw StoreFastEncoder.GaveUp() }
    func encode<T: Encodable>(_ value: T) throws { try append(session.value(value)) }
}

/// Integers, signed and unsigned, in decimal.
extension StoreFastValueWriting {
    func encode(_ value: Int) throws { try append(session.integer(value)) }
    func encode(_ value: Int8) throws { try append(session.integer(value)) }
    func encode(_ value: Int16) throws { try append(session.integer(value)) }
    func encode(_ value: Int32) throws { try append(session.integer(value)) }
    func encode(_ value: Int64) throws { try append(session.integer(value)) }
    func encode(_ value: UInt) throws { try append(session.integer(value)) }
    func encode(_ value: UInt8) throws { try append(session.integer(value)) }
    func encode(_ value: UInt16) throws { try append(session.integer(value)) }
    func encode(_ value: UInt32) throws { try append(session.integer(value)) }
    func encode(_ value: UInt64) throws { try append(session.integer(value)) }
}
