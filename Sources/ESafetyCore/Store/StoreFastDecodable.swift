import Foundation

/// A document type with a faster reader than `JSONDecoder` for its usual shape. ``Store/load(_:from:)``
/// tries it first; when it returns nil (anything unusual) the store decodes with `JSONDecoder`,
/// which has the last word and gives the messages for bad files. See `SignatureShardFastDecoder`.
protocol StoreFastDecodable {
    static func fastDecode(_ data: Data) -> Self?
}

extension StoreJSON {
    /// `data` (a document that is not a dictionary type) as `type`, read as the store reads
    /// documents: with the type's faster reader where it has one, else `JSONDecoder`; nil if it
    /// does not decode.
    static func decodeDocument<T: Decodable>(_ type: T.Type, from data: Data, decoder: @autoclosure () -> JSONDecoder) -> T? {
        if let fast = T.self as? any StoreFastDecodable.Type, let value = fast.fastDecode(data) as? T { return value }
        return try? decoder().decode(type, from: data)
    }
}
