import Foundation

/// Signature files are the store's most written documents (every signature recorded rewrites
/// one, about 100 signatures); this writes them without `JSONEncoder`, byte for byte the same.
extension SignatureShardDocument: StoreFastEncodable, StoreFastJSONWritable {
    func fastEncoded() -> Data? { StoreFastJSONWriter.encode(self, capacity: 512 + 448 * signatures.count) }

    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginObject()
        writer.member("signatures", signatures)
        writer.endObject()
    }
}

/// As its synthesized `Codable` writes it (`lapsesAfter` only when set).
extension AUPSignature: StoreFastJSONWritable {
    func write(to writer: inout StoreFastJSONWriter) {
        writer.beginObject()
        writer.member("kind", kind.rawValue)
        writer.memberIfPresent("lapsesAfter", lapsesAfter)
        writer.member("method", method.rawValue)
        writer.member("personID", personID)
        writer.member("recordedAt", recordedAt)
        writer.member("signedOn", signedOn)
        writer.member("versionID", versionID)
        writer.member("witness", witness)
        writer.endObject()
    }
}
