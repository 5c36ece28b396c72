import CivilTime
import Foundation

/// A value ``StoreFastJSONWriter`` can write exactly as its `Encodable` conformance, encoded by
/// ``StoreJSON/makeEncoder()``, writes it. A conformance writes its keys in the encoder's order
/// (ascending by bytes) and mirrors its `encode(to:)`: for synthesized `Codable`, every stored
/// property under its `CodingKeys` name, an optional one only when it is not nil.
protocol StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter)
}

extension String: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) { writer.string(self) }
}

extension Int: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) { writer.integer(self) }
}

extension Bool: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) { writer.bool(self) }
}

/// As the store's date strategy writes it: ``StoreJSON/string(from:)``.
extension Date: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) { writer.plainString(StoreJSON.string(from: self)) }
}

/// As `CivilDate`'s `Codable` writes it: its `yyyy-mm-dd` text.
extension CivilDate: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) { writer.plainString(iso8601) }
}

extension Array: StoreFastJSONWritable where Element: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginArray()
        for element in self {
            writer.element()
            element.write(to: &writer)
        }
        writer.endArray()
    }
}
