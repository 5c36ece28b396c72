import Foundation

/// An array of a document being read by ``StoreFastDecoder``, its elements one after another.
/// A class, so that the reading methods it shares with the single-value container
/// (``StoreFastValueReading``) can step on.
final class StoreFastUnkeyedContainer: UnkeyedDecodingContainer, StoreFastValueReading {
    let session: StoreFastDecoder.Session
    /// Where the next element starts (or the closing bracket, once at the end).
    private var cursor: Int
    private(set) var isAtEnd: Bool
    private(set) var currentIndex = 0

    var codingPath: [any CodingKey] { [] }
    var count: Int? { nil }

    init(session: StoreFastDecoder.Session, start: Int) throws {
        self.session = session
        session.reader.position = start
        guard session.reader.take(0x5B) else { throw StoreFastDecoder.GaveUp() }
        isAtEnd = session.reader.take(0x5D)
        session.reader.skipSpace()
        cursor = session.reader.position
    }

    /// The next element's start, having stepped past it and its comma.
    func nextValue() throws -> Int {
        guard !isAtEnd else { throw StoreFastDecoder.GaveUp() }
        let start = cursor
        session.reader.position = start
        guard session.reader.skipValue() else { throw StoreFastDecoder.GaveUp() }
        if session.reader.take(0x2C) {
            session.reader.skipSpace()
        } else if session.reader.take(0x5D) {
            isAtEnd = true
        } else {
            throw StoreFastDecoder.GaveUp()
        }
        cursor = session.reader.position
        currentIndex += 1
        return start
    }

    func decodeNil() throws -> Bool {
        guard !isAtEnd, session.isNull(at: cursor) else { return false }
        _ = try nextValue()
        return true
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try StoreFastKeyedContainer<NestedKey>(session: session, start: nextValue()))
    }

    func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try StoreFastUnkeyedContainer(session: session, start: nextValue())
    }

    func superDecoder() throws -> any Decoder { StoreFastValueDecoder(session: session, start: try nextValue()) }
}
