import Foundation

/// A person in the role directory who may sign in. Only a slow salted hash of the passphrase is
/// kept; the person's private key is stored wrapped by their passphrase, and, for leads and the
/// head teacher, the records key is stored sealed to their public key.
public struct UserAccount: Codable, Sendable, Hashable, Identifiable {
    public var id: String { personID }
    public var personID: String
    public var isAdministrator: Bool
    public var passphrase: PassphraseKey
    /// X25519 public key, raw bytes.
    public var publicKey: Data
    /// The X25519 private key, sealed with the key derived from the passphrase.
    public var wrappedPrivateKey: Data
    /// The records private key sealed to `publicKey`; only for those whose roles read incidents.
    public var recordsGrant: SealedPayload?
    /// Wrong passphrases since the last right one, and when the last was: sign-in slows down.
    public var failedAttempts: Int
    public var lastFailureAt: Date?
    public var createdAt: Date
}

/// `users.json`: every account.
struct UsersDocument: Codable {
    var users: [UserAccount]
}

/// `keys.json`: the records public key (anyone may seal an incident to it) and the records
/// private key sealed with the recovery key, which the head teacher keeps on paper.
struct RecordsKeysDocument: Codable {
    var recordsPublicKey: Data
    var recoveryWrappedKey: Data
    var createdAt: Date
}
