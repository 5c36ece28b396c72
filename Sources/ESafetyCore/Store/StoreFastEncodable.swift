import Foundation

/// A document type with a faster writer than `JSONEncoder`: ``Store/encode(_:file:)`` tries it
/// first and, when it returns nil, encodes with `JSONEncoder` as before. Its bytes are exactly
/// `StoreJSON.makeEncoder().encode(self)` (without the store's final newline), so which path
/// wrote a document can never be told from the file. The writing side of ``StoreFastDecodable``.
protocol StoreFastEncodable: Encodable {
    /// The document as the store's encoder writes it, or nil to leave it to `JSONEncoder`.
    func fastEncoded() -> Data?
}

extension StoreFastEncodable {
    /// Written by ``StoreFastEncoder``.
    func fastEncoded() -> Data? { StoreFastEncoder.encode(self) }
}

/// `directory.json` is rewritten whole by every change to a person or a role, and holds every person.
extension DirectoryDocument: StoreFastEncodable {
    func fastEncoded() -> Data? { StoreFastEncoder.encode(self, capacity: 512 + 256 * people.count + 768 * roles.count) }
}

/// Written in the same commit as each incident opened or reported.
extension AttentionDocument: StoreFastEncodable {}

/// Signature files are the store's most written documents (every signature recorded rewrites one).
extension SignatureShardDocument: StoreFastEncodable {
    func fastEncoded() -> Data? { StoreFastEncoder.encode(self, capacity: 512 + 448 * signatures.count) }
}
