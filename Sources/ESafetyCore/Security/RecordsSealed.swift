import Crypto
import Foundation

/// A small value sealed to the records key (the details of a transfer, of a subject access
/// request), opened by a records-key holder, sealed again at every rotation.
enum RecordsSealed {
    static func seal<T: Encodable>(_ value: T, to records: Curve25519.KeyAgreement.PublicKey) throws -> SealedPayload {
        try SealedPayload.seal(StoreJSON.makeEncoder().encode(value), to: records)
    }

    static func open<T: Decodable>(_ type: T.Type, from sealed: SealedPayload, with records: Curve25519.KeyAgreement.PrivateKey,
                                   document: String) throws -> T {
        guard let data = try? sealed.open(with: records) else { throw AccessError.damagedKey(document + ".json") }
        return try StoreJSON.makeDecoder().decode(T.self, from: data)
    }

    /// Opens with the old key and seals to the new one.
    static func reseal(_ sealed: SealedPayload, from old: Curve25519.KeyAgreement.PrivateKey, to fresh: Curve25519.KeyAgreement.PublicKey,
                       document: String) throws -> SealedPayload {
        guard let data = try? sealed.open(with: old) else { throw AccessError.damagedKey(document + ".json") }
        return try SealedPayload.seal(data, to: fresh)
    }
}
