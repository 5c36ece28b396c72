import CivilTime
import Foundation

/// A `Decoder` that reads any `Decodable` type straight from a document's bytes with
/// ``StoreFastJSONReader``, through the type's own `init(from:)`: the same reading as
/// ``StoreJSON/makeDecoder()`` without `JSONDecoder`'s tree of values and its boxes, for the
/// store's most read documents (``StoreFastDecodable``) and audit lines.
///
/// It is only a fast path. Anything it does not read exactly as `JSONDecoder` would (a key twice,
/// a number with a fraction, an exponent or more than 18 digits, a `URL` or `Decimal`, bad JSON,
/// invalid UTF-8) makes it give up with nil, and the caller decodes with `JSONDecoder`, which has
/// the last word and gives the message for a bad file. Members the type does not know (a
/// document's `_revision`) are passed over, as `JSONDecoder` passes them over.
enum StoreFastDecoder {
    /// `data`, all of it one JSON value, as `type`; nil to leave it to `JSONDecoder`. Unless
    /// the caller has `validated` it already (``StoreJSONValidator``), the whole document is
    /// first stepped over strictly (grammar, escapes, UTF-8 everywhere, depth, nothing after
    /// it), so that nothing is read here that `JSONDecoder` would refuse, even in a member the
    /// type passes over; an object read with a key twice is refused as it is read. That pass
    /// costs a fifth of the validator's: a sealed record's contents are checked by it alone.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, validated: Bool = false) -> T? {
        data.withUnsafeBytes { raw -> T? in
            let session = Session(bytes: raw.bindMemory(to: UInt8.self))
            if !validated {
                guard session.reader.skipValue() else { return nil }
                session.reader.skipSpace()
                guard session.reader.position == session.reader.bytes.count else { return nil }
                session.reader.position = 0
            }
            session.reader.skipSpace()
            return try? session.value(type, at: session.reader.position)
        }
    }

    /// Why a reading gave up; never shown (the caller asks `JSONDecoder` instead).
    struct GaveUp: Error {}

    /// One document's reading: the bytes (with the reader over them) and its shared texts.
    final class Session {
        /// The reader, kept outside the object: every container reads and moves it, and as a
        /// stored property of a class each of those accesses would be checked for exclusivity
        /// at run time (a tenth of the decoding's time). Only this session's containers, on one
        /// thread, in turn, ever touch it.
        private let storage: UnsafeMutablePointer<StoreFastJSONReader>

        var reader: StoreFastJSONReader {
            _read { yield storage.pointee }
            _modify { yield &storage.pointee }
        }

        init(bytes: UnsafeBufferPointer<UInt8>) {
            storage = .allocate(capacity: 1)
            storage.initialize(to: StoreFastJSONReader(bytes: bytes))
        }

        deinit {
            storage.deinitialize(count: 1)
            storage.deallocate()
        }

        /// The value that starts at `position`, as `type`: the store's own kinds of value read
        /// by hand, exactly as `JSONDecoder` with the store's strategies reads them (``StoreJSON``'s
        /// dates, base64 data, `CivilDate`'s and `ClockTime`'s texts); any other type through
        /// its `init(from:)`.
        func value<T: Decodable>(_ type: T.Type, at position: Int) throws -> T {
            reader.position = position
            if T.self == Date.self { return try Self.cast(reader.date()) }
            if T.self == CivilDate.self { return try Self.cast(reader.civilDate()) }
            if T.self == ClockTime.self { return try Self.cast(reader.clockTime()) }
            if T.self == Data.self { return try Self.cast(reader.base64Data()) }
            if T.self == URL.self || T.self == Decimal.self { throw GaveUp() }  // JSONDecoder reads these its own way
            return try T(from: StoreFastValueDecoder(session: self, start: position))
        }

        private static func cast<T, Value>(_ value: Value?) throws -> T {
            guard let value, let typed = value as? T else { throw GaveUp() }
            return typed
        }

        func bool(at position: Int) throws -> Bool {
            reader.position = position
            guard let value = reader.bool() else { throw GaveUp() }
            return value
        }

        /// A fixed-width integer that fits `type` exactly, as `JSONDecoder` demands.
        func integer<T: FixedWidthInteger>(_ type: T.Type, at position: Int) throws -> T {
            reader.position = position
            guard let whole = reader.integer(), let value = T(exactly: whole) else { throw GaveUp() }
            return value
        }

        /// A floating-point value: only one written as a whole number is read here.
        func floatingPoint<T: BinaryFloatingPoint>(_ type: T.Type, at position: Int) throws -> T {
            try T(integer(Int.self, at: position))
        }

        /// Whether the value at `position` is `null`.
        func isNull(at position: Int) -> Bool {
            reader.position = position
            return reader.literalNull()
        }

        /// A text; a mid-length one (a name, an id, a version) shared with its earlier copies,
        /// which saves an allocation each for the texts a large document repeats. Shorter texts
        /// are held inside the `String` itself.
        func string(at position: Int) throws -> String {
            reader.position = position
            guard let text = reader.string() else { throw GaveUp() }
            guard (16...64).contains(text.utf8.count) else { return text }
            if let earlier = reader.repeated[text] { return earlier }
            reader.repeated[text] = text
            return text
        }
    }
}
