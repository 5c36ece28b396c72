import Foundation

/// Every document carries its revision as its first member, `"_revision" : 7`: 1 when it is
/// first saved, one more at every commit that writes it, as CouchDB's `_rev` does. The audit
/// log records the same number with the SHA-256 of the bytes, so a copy rolled back from a
/// backup says which revision it is, and `esafety check` can name it.
///
/// Domain types know nothing of it: the store adds the member to the bytes JSONEncoder wrote,
/// and the decoders ignore keys they do not know (the fast signature reader skips it).
enum StoreRevision {
    /// The member's key.
    static let key = "_revision"

    /// Freshly encoded `data` (a JSON object from JSONEncoder, which never writes the member)
    /// with `"_revision" : revision` added as its first member. Reads only the first bytes.
    /// - Throws: ``StoreError/encodingFailed(file:reason:)`` if `data` is not a JSON object.
    static func stampEncoded(_ data: Data, revision: Int, file: String) throws -> Data {
        var result = data
        var brace = result.startIndex
        while brace < result.endIndex, isSpace(result[brace]) { brace += 1 }
        guard brace < result.endIndex, result[brace] == 0x7B else {
            throw StoreError.encodingFailed(file: file, reason: "a document must be a JSON object to carry its revision")
        }
        var after = result.index(after: brace)
        while after < result.endIndex, isSpace(result[after]) { after += 1 }
        var member = Data("\n  \"\(key)\" : \(revision)".utf8)
        if after < result.endIndex && result[after] == 0x7D {  // an empty object
            member.append(0x0A)
            result.replaceSubrange(result.index(after: brace)..<after, with: member)
        } else {
            member.append(0x2C)
            result.insert(contentsOf: member, at: result.index(after: brace))
        }
        return result
    }

    /// Bytes from elsewhere (a backup being restored) with their `_revision` set to `revision`:
    /// the digits replaced where the member is, else the member added first.
    /// - Throws: ``StoreError/corrupt(file:reason:)`` if `data` is not a strict JSON object.
    static func restamp(_ data: Data, revision: Int, file: String) throws -> Data {
        let outline: StoreJSONValidator.Outline
        switch StoreJSONValidator.validate(data) {
        case .success(let found): outline = found
        case .failure(let problem): throw StoreError.corrupt(file: file, reason: problem.description)
        }
        guard outline.isObject else { throw StoreError.corrupt(file: file, reason: "it is not a JSON object, as every document is") }
        guard let range = outline.revisionValue else { return try stampEncoded(data, revision: revision, file: file) }
        var result = data
        let start = result.startIndex
        result.replaceSubrange(start + range.lowerBound..<start + range.upperBound, with: Data(String(revision).utf8))
        return result
    }

    /// `data` without its top-level `_revision` member, for decoding into a dictionary (a struct
    /// ignores keys it does not know; a dictionary would take it as an entry).
    static func strip(_ data: Data, valueRange range: Range<Int>) -> Data {
        let bytes = [UInt8](data)
        var start = range.lowerBound
        // Back over ` : ` and the key to its opening quote.
        while start > 0, bytes[start - 1] != 0x22 { start -= 1 }  // the key's closing quote
        start -= 1
        while start > 0, bytes[start - 1] != 0x22 { start -= 1 }  // its opening quote
        start -= 1
        var end = range.upperBound
        while end < bytes.count, isSpace(bytes[end]) { end += 1 }
        if end < bytes.count, bytes[end] == 0x2C {
            end += 1
        } else {  // the last member: take the comma before it instead
            var comma = start
            while comma > 0, isSpace(bytes[comma - 1]) { comma -= 1 }
            if comma > 0, bytes[comma - 1] == 0x2C { start = comma - 1 }
        }
        return Data(bytes[..<start] + bytes[end...])
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}
