import Foundation

/// A document type with a faster reader than `JSONDecoder`: ``Store/load(_:from:)`` tries it
/// first; when it gives up (anything unusual) the store decodes with `JSONDecoder`, which has
/// the last word and gives the messages for bad files. The store's largest and most read
/// documents conform: incident files through ``StoreFastDecoder``, and signature files (nine
/// tenths of a large store's bytes, where the generic decoder's `Codable` calls would cost a
/// third of `check`) through their own reader, `SignatureShardFastDecoder`.
protocol StoreFastDecodable: Decodable {
    /// `data` as this type, or nil to leave it to `JSONDecoder`; `validated` says the caller has
    /// found it strict JSON (``StoreJSONValidator``) already.
    static func fastDecode(_ data: Data, validated: Bool) -> Self?
}

extension StoreFastDecodable {
    /// Read by ``StoreFastDecoder`` (the bytes checked first unless `validated`).
    static func fastDecode(_ data: Data, validated: Bool) -> Self? {
        StoreFastDecoder.decode(Self.self, from: data, validated: validated)
    }
}

/// Every export, subject access request and index build reads every incident file.
extension StoredIncident: StoreFastDecodable {}

/// `directory.json` holds every person and is read whole, under the lock, by every change to one.
extension DirectoryDocument: StoreFastDecodable {}

extension StoreJSON {
    /// `data` (a document that is not a dictionary type, already found strict by
    /// ``StoreJSONValidator``) as `type`, read as the store reads documents: with the type's
    /// faster reader where it has one, else `JSONDecoder`; nil if it does not decode.
    static func decodeDocument<T: Decodable>(_ type: T.Type, validated data: Data, decoder: @autoclosure () -> JSONDecoder) -> T? {
        if let fast = T.self as? any StoreFastDecodable.Type, let value = fast.fastDecode(data, validated: true) as? T { return value }
        return try? decoder().decode(type, from: data)
    }
}
