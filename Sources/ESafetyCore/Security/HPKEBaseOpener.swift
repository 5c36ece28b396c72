import Crypto
import Foundation

/// HPKE's single-shot base-mode open (RFC 9180, sections 4.1, 5.1 and 6.1) for the one suite
/// esafety seals with: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305. It gives the
/// bytes swift-crypto's `HPKE.Recipient` gives, and refuses what it refuses (a bad share, a
/// wrong key, any changed byte: the AEAD tag); seals are still made by swift-crypto.
///
/// What depends only on `info` (the key schedule's context) is worked out once, and each open is
/// then one X25519 and five HMACs over small buffers, where the general recipient, opening
/// thousands of records for an export or the index's first build, spent as long again as the
/// X25519 on hashing constants, an exporter secret nobody uses, and small allocations.
/// Tested against the RFC's test vector and against swift-crypto (HPKEBaseOpenerTests).
struct HPKEBaseOpener: Sendable {
    private static let version = Array("HPKE-v1".utf8)
    /// "KEM" and DHKEM(X25519, HKDF-SHA256)'s id.
    private static let kemSuite = Array("KEM".utf8) + [0x00, 0x20]
    /// "HPKE", then the KEM's, the KDF's (HKDF-SHA256) and the AEAD's (ChaCha20-Poly1305) ids.
    private static let suite = Array("HPKE".utf8) + [0x00, 0x20, 0x00, 0x01, 0x00, 0x03]

    /// `mode (base: 0) || psk_id_hash || info_hash`.
    private let keyScheduleContext: [UInt8]

    init(info: Data) {
        let pskIDHash = Self.labeledExtract(salt: [], label: "psk_id_hash", ikm: [], suite: Self.suite)
        let infoHash = Self.labeledExtract(salt: [], label: "info_hash", ikm: Array(info), suite: Self.suite)
        keyScheduleContext = [0x00] + pskIDHash + infoHash
    }

    /// The plaintext sealed to `privateKey` as `ciphertext` (the AEAD's output, tag last) under
    /// `encapsulatedKey`, the sender's ephemeral X25519 share.
    func open(_ ciphertext: Data, encapsulatedKey: Data, with privateKey: Curve25519.KeyAgreement.PrivateKey,
              authenticating aad: Data = Data()) throws -> Data {
        let share = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: encapsulatedKey)
        let dh = try privateKey.sharedSecretFromKeyAgreement(with: share).withUnsafeBytes { Array($0) }
        // DHKEM's ExtractAndExpand, kem_context = enc || pkRm.
        let eaePRK = Self.labeledExtract(salt: [], label: "eae_prk", ikm: dh, suite: Self.kemSuite)
        let sharedSecret = Self.labeledExpand(prk: eaePRK, label: "shared_secret",
                                              info: Array(encapsulatedKey) + privateKey.publicKey.rawRepresentation,
                                              length: 32, suite: Self.kemSuite)
        // The key schedule, base mode: no PSK.
        let secret = Self.labeledExtract(salt: sharedSecret, label: "secret", ikm: [], suite: Self.suite)
        let key = Self.labeledExpand(prk: secret, label: "key", info: keyScheduleContext, length: 32, suite: Self.suite)
        let nonce = Self.labeledExpand(prk: secret, label: "base_nonce", info: keyScheduleContext, length: 12, suite: Self.suite)
        guard ciphertext.count >= 16 else { throw CryptoKitError.incorrectParameterSize }
        let box = try ChaChaPoly.SealedBox(nonce: ChaChaPoly.Nonce(data: nonce),  // base_nonce XOR sequence 0
                                           ciphertext: ciphertext.dropLast(16), tag: ciphertext.suffix(16))
        return try ChaChaPoly.open(box, using: SymmetricKey(data: key), authenticating: aad)
    }

    /// `LabeledExtract`: HKDF-Extract(salt, "HPKE-v1" || suite || label || ikm).
    private static func labeledExtract(salt: [UInt8], label: String, ikm: [UInt8], suite: [UInt8]) -> [UInt8] {
        var message = version + suite
        message.append(contentsOf: label.utf8)
        message.append(contentsOf: ikm)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: salt)))
    }

    /// `LabeledExpand` for one block (length ≤ 32): HKDF-Expand(prk, I2OSP(length, 2) ||
    /// "HPKE-v1" || suite || label || info, length), which is HMAC(prk, labeled info || 0x01).
    private static func labeledExpand(prk: [UInt8], label: String, info: [UInt8], length: Int, suite: [UInt8]) -> [UInt8] {
        var message: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xFF)] + version + suite
        message.append(contentsOf: label.utf8)
        message.append(contentsOf: info)
        message.append(0x01)
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: prk)).prefix(length))
    }
}
