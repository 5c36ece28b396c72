import Crypto
import Foundation

/// One signed act of authority: who has an account, with which keys, who is an administrator,
/// who holds which access role, and the public half of the records key. Each statement is the
/// whole state after the act (not a difference), chained to the one before by its hash, and
/// signed by an administrator named in the one before (the first by the store's root key).
/// Only statements grant anything: `directory.json` and `users.json` edited by hand grant nothing.
public struct AuthorityStatement: Codable, Sendable, Equatable {
    /// One account, as the statement gives it.
    public struct Account: Codable, Sendable, Equatable {
        public var personID: String
        /// The name at the time, for people reading the statement.
        public var name: String
        /// Ed25519 public key (raw, base64 in the file): checks the person's signatures.
        public var signingKey: Data
        /// X25519 public key: what the records key and allegations are sealed to.
        public var agreementKey: Data
        public var administrator: Bool
        public var access: [AccessRole]
    }

    /// The records key in force: its generation (one more at each rotation) and public half.
    public struct RecordsKey: Codable, Sendable, Equatable {
        public var generation: Int
        public var publicKey: Data
    }

    /// 1 for the first statement, then one more each time.
    public var number: Int
    /// The SHA-256 (hex) of the statement before, as signed (of the root public key, for the first).
    public var previousHash: String
    public var issuedAt: Date
    /// The administrator who signed (a person id), or `root`.
    public var issuedBy: String
    /// What the act was, in words ("Gave Tom Whitfield e-safety lead access").
    public var summary: String
    public var accounts: [Account]
    public var recordsKey: RecordsKey
    /// X25519 public key whose private half only the recovery key opens: the records key is
    /// sealed to it at every rotation, and an allegation nobody else may open is sealed to it.
    public var escrowKey: Data
    /// The signature (Ed25519, of ``signedBytes()``).
    public var signature: Data?

    /// The bytes that are signed: the statement as compact JSON with sorted keys, without its
    /// signature. The same on every machine.
    public func signedBytes() throws -> Data {
        var unsigned = self
        unsigned.signature = nil
        return try StoreJSON.makeLineEncoder().encode(unsigned)
    }

    /// The hash the next statement carries.
    public func hash() throws -> String { StoreAuditLog.hash(try signedBytes()) }

    /// The account of a person, if the statement gives one.
    public func account(_ personID: String) -> Account? { accounts.first { $0.personID == personID } }

    /// The people who hold an access role.
    public func holders(of role: AccessRole) -> [Account] { accounts.filter { $0.access.contains(role) } }

    /// The administrators.
    public var administrators: [Account] { accounts.filter(\.administrator) }

    /// Signs the statement with `key`.
    mutating func sign(with key: Curve25519.Signing.PrivateKey) throws {
        signature = try key.signature(for: signedBytes())
    }

    /// True when `key` signed it.
    func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        guard let signature, let bytes = try? signedBytes() else { return false }
        return key.isValidSignature(signature, for: bytes)
    }
}
