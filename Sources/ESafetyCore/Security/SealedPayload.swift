import Crypto
import Foundation

/// Data sealed with HPKE (RFC 9180, X25519 + ChaCha20-Poly1305) to a public key: anyone may
/// seal, only the private key's holder can open. Stored as two base64 strings.
public struct SealedPayload: Codable, Sendable, Hashable {
    public var encapsulatedKey: Data
    public var ciphertext: Data

    static var suite: HPKE.Ciphersuite { .Curve25519_SHA256_ChachaPoly }
    static let info = Data("esafety records v1".utf8)

    static func seal(_ plaintext: Data, to publicKey: Curve25519.KeyAgreement.PublicKey, info: Data = info) throws -> SealedPayload {
        var sender = try HPKE.Sender(recipientKey: publicKey, ciphersuite: suite, info: info)
        let ciphertext = try sender.seal(plaintext)
        return SealedPayload(encapsulatedKey: sender.encapsulatedKey, ciphertext: ciphertext)
    }

    /// The opener for records' `info`, its key schedule's context worked out once.
    private static let recordsOpener = HPKEBaseOpener(info: info)

    /// Opens with ``HPKEBaseOpener`` (the bytes swift-crypto's `HPKE.Recipient` gives, faster).
    func open(with privateKey: Curve25519.KeyAgreement.PrivateKey, info: Data = info) throws -> Data {
        let opener = info == Self.info ? Self.recordsOpener : HPKEBaseOpener(info: info)
        return try opener.open(ciphertext, encapsulatedKey: encapsulatedKey, with: privateKey)
    }
}

/// Data encrypted with a symmetric key (AES-GCM, nonce and tag included): a person's private
/// key under their passphrase key, the records key under the recovery key, a draft.
enum SymmetricSeal {
    static func seal(_ plaintext: Data, with key: SymmetricKey) throws -> Data {
        guard let combined = try AES.GCM.seal(plaintext, using: key).combined else { throw AccessError.damagedKey("(sealing)") }
        return combined
    }

    static func open(_ combined: Data, with key: SymmetricKey) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: combined), using: key)
    }
}
