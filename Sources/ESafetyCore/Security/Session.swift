import Crypto
import Foundation

/// Someone signed in at the terminal: who they are, what the signed authority lets them do, and
/// the keys their passphrase unlocked. Held in memory only; signing out forgets it.
public final class Session {
    public let personID: String
    public let fullName: String
    /// The person's own key (for their drafts), from their passphrase.
    let personalKey: SymmetricKey
    /// The person's X25519 private key: opens what is sealed to them (the records key's grant,
    /// the allegations they receive).
    let agreementKey: Curve25519.KeyAgreement.PrivateKey
    /// The person's Ed25519 key: signs their audit entries and, for administrators, statements.
    let signingKey: Curve25519.Signing.PrivateKey
    /// The key to incident records of the generation in force, for those with access.
    let recordsKey: Curve25519.KeyAgreement.PrivateKey?
    /// The store's root key, unwrapped for administrators.
    let rootKey: Curve25519.Signing.PrivateKey?
    /// The key the person's own drafts are sealed with: derived from their private key, so it
    /// survives a change of passphrase.
    let draftKey: SymmetricKey
    /// What the authority in force says of the person (it can change while they are signed in).
    private let authorityAccount: () -> AuthorityStatement.Account?
    private let isGovernor: () -> Bool
    /// Throws unless the authority as last committed still names the person with their key.
    private let confirmNamed: () throws -> Void

    init(personID: String, fullName: String, personalKey: SymmetricKey, agreementKey: Curve25519.KeyAgreement.PrivateKey,
         signingKey: Curve25519.Signing.PrivateKey, recordsKey: Curve25519.KeyAgreement.PrivateKey?,
         rootKey: Curve25519.Signing.PrivateKey?, account: @escaping () -> AuthorityStatement.Account?,
         isGovernor: @escaping () -> Bool, confirmNamed: @escaping () throws -> Void) {
        self.draftKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: agreementKey.rawRepresentation),
                                                info: Data("esafety drafts v1".utf8), outputByteCount: 32)
        self.personID = personID
        self.fullName = fullName
        self.personalKey = personalKey
        self.agreementKey = agreementKey
        self.signingKey = signingKey
        self.recordsKey = recordsKey
        self.rootKey = rootKey
        self.authorityAccount = account
        self.isGovernor = isGovernor
        self.confirmNamed = confirmNamed
    }

    /// The access roles the authority gives the person now.
    public var access: Set<AccessRole> { Set(authorityAccount()?.access ?? []) }

    /// True when the authority makes the person an administrator now.
    public var isAdministrator: Bool { authorityAccount()?.administrator ?? false }

    /// The level now: from the signed authority (and, for governors' figures, the directory).
    public var level: AccessLevel { AccessLevel.level(access: access, isGovernor: isGovernor()) }

    /// Who changes are recorded as in the audit log.
    public var actor: AuditActor { AuditActor(id: "person:" + personID, name: fullName) }

    /// Signs the person's commits.
    var signer: SigningIdentity { SigningIdentity(signerID: personID, key: signingKey, confirm: confirmNamed) }

    public func can(_ permission: Permission) -> Bool {
        if permission == .manageUsers || permission == .editSettings { return isAdministrator }
        if isAdministrator && [.editDirectory, .manageReviews, .publishAUP].contains(permission) { return true }
        return level.allows(permission)
    }

    /// Throws unless the session may do this.
    public func require(_ permission: Permission) throws {
        guard can(permission) else { throw AccessError.notAllowed(permission, level) }
    }
}
