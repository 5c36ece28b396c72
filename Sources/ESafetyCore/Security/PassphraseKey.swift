import _CryptoExtras
import Crypto
import Foundation

/// Turns a passphrase into two keys with scrypt: one to check the passphrase (only its hash is
/// stored) and one to unwrap the person's private key. The salt and cost are stored with the
/// account, so the cost can rise later without breaking old accounts.
public struct PassphraseKey: Codable, Sendable, Hashable {
    /// log2 of scrypt's N. 15 (32 MiB, about a tenth of a second) for people; tests use less.
    public var costLog2: Int
    public var blockSize: Int
    public var salt: Data
    /// SHA-256 of the checking half of the derived key.
    public var verifier: Data

    /// The cost for real accounts; `ESAFETY_SCRYPT_COST_LOG2` lowers it for tests only.
    public static var defaultCostLog2: Int {
        if let text = ProcessInfo.processInfo.environment["ESAFETY_SCRYPT_COST_LOG2"], let value = Int(text), (10...20).contains(value) {
            return value
        }
        return 15
    }

    /// The shortest passphrase accepted.
    public static let minimumLength = 10

    /// Derives the keys for a new passphrase.
    static func make(passphrase: String, costLog2: Int = defaultCostLog2) throws -> (PassphraseKey, SymmetricKey) {
        guard passphrase.count >= minimumLength else { throw AccessError.passphraseTooShort(minimum: minimumLength) }
        var salt = Data(count: 16)
        for index in salt.indices { salt[index] = UInt8.random(in: 0...255) }
        let (check, wrap) = try derive(passphrase: passphrase, salt: salt, costLog2: costLog2, blockSize: 8)
        return (PassphraseKey(costLog2: costLog2, blockSize: 8, salt: salt, verifier: Data(SHA256.hash(data: check))), wrap)
    }

    /// The wrapping key, if the passphrase is right.
    func unlock(passphrase: String) throws -> SymmetricKey? {
        let (check, wrap) = try Self.derive(passphrase: passphrase, salt: salt, costLog2: costLog2, blockSize: blockSize)
        let candidate = Data(SHA256.hash(data: check))
        // Compare in constant time.
        guard candidate.count == verifier.count else { return nil }
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, verifier) { difference |= a ^ b }
        return difference == 0 ? wrap : nil
    }

    /// The checking half and the wrapping key: from a derivation begun early for exactly these
    /// inputs if there is one (PassphrasePrederivation.swift), else derived now.
    private static func derive(passphrase: String, salt: Data, costLog2: Int, blockSize: Int) throws -> (Data, SymmetricKey) {
        let inputs = PassphrasePrederivation.Inputs(passphrase: passphrase, salt: salt, costLog2: costLog2, blockSize: blockSize)
        let bytes = try PassphrasePrederivation.take(inputs) ?? scrypt(inputs)
        return (bytes.prefix(32), SymmetricKey(data: bytes.suffix(32)))
    }

    /// scrypt itself: 64 bytes, the checking half then the wrapping key.
    static func scrypt(_ inputs: PassphrasePrederivation.Inputs) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Data(inputs.passphrase.precomposedStringWithCanonicalMapping.utf8), salt: inputs.salt,
                                           outputByteCount: 64, rounds: 1 << inputs.costLog2, blockSize: inputs.blockSize, parallelism: 1)
        return key.withUnsafeBytes { Data($0) }
    }
}
