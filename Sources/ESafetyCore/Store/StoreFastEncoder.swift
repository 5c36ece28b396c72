import CivilTime
import Foundation

/// An `Encoder` that writes any `Encodable` value exactly as ``StoreJSON/makeEncoder()`` writes
/// it (pretty-printed, keys sorted by their bytes, slashes unescaped, the store's dates), through
/// the type's own `encode(to:)`, without `JSONEncoder`'s boxes: the writing side of
/// ``StoreFastDecoder``, for the documents rewritten most (``StoreFastEncodable``).
///
/// The value is gathered into a light tree (texts and numbers already written as bytes, objects
/// and arrays as lists), then written out by ``StoreFastJSONWriter``. What it does not write as
/// `JSONEncoder` would, it gives up on with nil, and the store encodes with `JSONEncoder`:
/// floating-point numbers, `URL`, `Decimal`, a key given twice, a value that encodes nothing,
/// `superEncoder`.
enum StoreFastEncoder {
    /// `value`'s document bytes, as the store's encoder writes them; nil to leave it to `JSONEncoder`.
    static func encode<T: Encodable>(_ value: T, capacity: Int = 256) -> Data? {
        let session = Session()
        guard let root = try? session.value(value), !session.gaveUp else { return nil }
        var writer = StoreFastJSONWriter(capacity: capacity)
        guard session.write(root, to: &writer) else { return nil }
        return Data(writer.bytes)
    }

    /// Why an encoding gave up; never shown (the caller asks `JSONEncoder` instead).
    struct GaveUp: Error {}

    /// One part of the value being written.
    enum Value {
        /// A text, number, truth or null, already written: where its bytes are in the session's.
        case scalar(Range<Int>)
        case composite(Composite)
    }

    /// An object (its keys beside its values) or an array, filled in by its container.
    final class Composite {
        let isObject: Bool
        var keys: [String] = []
        var values: [Value] = []

        init(isObject: Bool) { self.isObject = isObject }
    }

    /// Where one value's encoder puts what it encodes.
    final class Slot {
        var value: Value?
    }

    /// One value's writing: the bytes of every scalar, one after another.
    final class Session {
        /// Every scalar's bytes, one after another.
        private var scalars = StoreFastJSONWriter(capacity: 1024)
        /// Set where a container was asked for something it cannot refuse by throwing
        /// (`superEncoder`, a single value then a container): the whole encoding gives up.
        var gaveUp = false

        /// `value`, as `JSONEncoder` with the store's strategies encodes it (``StoreJSON``'s
        /// dates, base64 data); any other type through its `encode(to:)`.
        func value<T: Encodable>(_ value: T) throws -> Value {
            if let date = value as? Date { return plain(StoreJSON.string(from: date)) }
            if let data = value as? Data { return plain(data.base64EncodedString()) }
            if value is URL || value is Decimal { throw GaveUp() }  // JSONEncoder writes these its own way
            let slot = Slot()
            try value.encode(to: StoreFastValueEncoder(session: self, slot: slot))
            guard let encoded = slot.value else { throw GaveUp() }
            return encoded
        }

        func string(_ text: String) -> Value {
            scalar { $0.string(text) }
        }

        func integer<T: FixedWidthInteger>(_ number: T) -> Value {
            scalar { $0.raw(String(number).utf8) }
        }

        func bool(_ truth: Bool) -> Value { scalar { $0.bool(truth) } }
        func null() -> Value { scalar { $0.null() } }

        /// A text known to need no escape (the store's own date format, base64).
        private func plain(_ text: String) -> Value { scalar { $0.plainString(text) } }

        private func scalar(_ write: (inout StoreFastJSONWriter) -> Void) -> Value {
            let start = scalars.bytes.count
            write(&scalars)
            return .scalar(start..<scalars.bytes.count)
        }

        /// `value` written out; false if an object has a key twice (`JSONEncoder` would keep one).
        func write(_ value: Value, to writer: inout StoreFastJSONWriter) -> Bool {
            switch value {
            case .scalar(let range):
                writer.raw(scalars.bytes[range])
                return true
            case .composite(let composite) where composite.isObject:
                // JSONEncoder's `.sortedKeys` orders keys by their UTF-8 bytes.
                let order = composite.keys.indices.sorted { composite.keys[$0].utf8.lexicographicallyPrecedes(composite.keys[$1].utf8) }
                writer.beginObject()
                for (place, index) in order.enumerated() {
                    if place > 0 && composite.keys[order[place - 1]] == composite.keys[index] { return false }
                    writer.key(composite.keys[index])
                    guard write(composite.values[index], to: &writer) else { return false }
                }
                writer.endObject()
                return true
            case .composite(let composite):
                writer.beginArray()
                for element in composite.values {
                    writer.element()
                    guard write(element, to: &writer) else { return false }
                }
                writer.endArray()
                return true
            }
        }
    }
}
