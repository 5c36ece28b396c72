import Foundation

/// A person's secrets in `users.json`: only a slow salted hash of the passphrase, and their
/// private keys wrapped by the key the passphrase gives. Their public keys, administrator flag
/// and access are not here but in the signed authority (`AuthorityStatement.Account`): a
/// `users.json` edited by hand grants nothing, and keys that do not match the authority's are
/// refused at sign-in.
public struct UserAccount: Codable, Sendable, Hashable, Identifiable {
    public var id: String { personID }
    public var personID: String
    public var passphrase: PassphraseKey
    /// The X25519 private key (raw), sealed with the key derived from the passphrase.
    public var wrappedAgreementKey: Data
    /// The Ed25519 signing key (raw), sealed the same way.
    public var wrappedSigningKey: Data
    /// The records private key sealed to the person's agreement key, for those with access.
    public var recordsGrant: SealedPayload?
    /// The records key's generation that grant is of.
    public var recordsGeneration: Int?
    public var createdAt: Date
}

/// `users.json`: every account's secrets.
struct UsersDocument: Codable {
    var users: [UserAccount]
}

/// `keys.json`: the private keys no single account holds, wrapped. None of it grants anything
/// by itself: every key here must match the public key the signed authority names.
struct KeyRingDocument: Codable, Equatable {
    /// The root signing key (raw), under the recovery key.
    var rootUnderRecovery: Data
    /// The root signing key sealed to each administrator's agreement key, by person id.
    var rootForAdministrators: [String: SealedPayload]
    /// The escrow private key (raw), under the recovery key.
    var escrowUnderRecovery: Data
    /// The records private key (raw) of `recordsGeneration`, sealed to the escrow public key, so
    /// that a rotation needs no recovery key and the recovery key still opens every generation.
    var recordsForEscrow: SealedPayload
    var recordsGeneration: Int
    var createdAt: Date

    static let name = "keys"
}

/// `throttle.json`: wrong passphrases (and recovery keys) counted per person, so that guessing
/// slows down in every session, read-only ones and commands included. Written with unsigned
/// audit entries (whoever failed has no key), and grants nothing.
struct ThrottleDocument: Codable, Equatable {
    struct Failures: Codable, Equatable {
        var count: Int
        var last: Date
    }

    var failures: [String: Failures] = [:]

    static let name = "throttle"
    /// The key the recovery key's wrong tries are counted under.
    static let recoveryKey = "recovery"
}
