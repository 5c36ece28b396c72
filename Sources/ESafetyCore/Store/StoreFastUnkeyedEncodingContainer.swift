import Foundation

/// An array of a document being written by ``StoreFastEncoder``, its elements in order.
struct StoreFastUnkeyedEncodingContainer: UnkeyedEncodingContainer, StoreFastValueWriting {
    let session: StoreFastEncoder.Session
    let composite: StoreFastEncoder.Composite

    var codingPath: [any CodingKey] { [] }
    var count: Int { composite.values.count }

    func append(_ value: StoreFastEncoder.Value) { composite.values.append(value) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = StoreFastEncoder.Composite(isObject: true)
        append(.composite(nested))
        return KeyedEncodingContainer(StoreFastKeyedEncodingContainer<NestedKey>(session: session, composite: nested))
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = StoreFastEncoder.Composite(isObject: false)
        append(.composite(nested))
        return StoreFastUnkeyedEncodingContainer(session: session, composite: nested)
    }

    /// Not written here as `JSONEncoder` writes it: the encoding gives up.
    func superEncoder() -> any Encoder {
        session.gaveUp = true
        return StoreFastValueEncoder(session: session, slot: StoreFastEncoder.Slot())
    }
}
