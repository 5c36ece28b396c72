import Foundation

/// A document type with a faster writer than `JSONEncoder`: ``Store/encode(_:file:)`` tries it
/// first and, when it returns nil, encodes with `JSONEncoder` as before. Its bytes are exactly
/// `StoreJSON.makeEncoder().encode(self)` (without the store's final newline), so which path
/// wrote a document can never be told from the file. The writing side of ``StoreFastDecodable``.
protocol StoreFastEncodable {
    /// The document as the store's encoder writes it, or nil to leave it to `JSONEncoder`.
    func fastEncoded() -> Data?
}
