import Foundation

/// A document type with a faster reader than `JSONDecoder` for its usual shape. ``Store/load(_:from:)``
/// tries it first; when it returns nil (anything unusual) the store decodes with `JSONDecoder`,
/// which has the last word and gives the messages for bad files. See `SignatureShardFastDecoder`.
protocol StoreFastDecodable {
    static func fastDecode(_ data: Data) -> Self?
}
