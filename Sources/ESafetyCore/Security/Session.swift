import Crypto
import Foundation

/// Someone signed in at the terminal: who they are, what their roles let them do, and the keys
/// their passphrase unlocked. Held in memory only; signing out forgets it.
public final class Session {
    public let personID: String
    public let fullName: String
    public let isAdministrator: Bool
    /// The person's own key (for their drafts), from their passphrase.
    let personalKey: SymmetricKey
    /// The key to incident records, for leads and the head teacher.
    let recordsKey: Curve25519.KeyAgreement.PrivateKey?
    /// The key the person's own drafts are sealed with: derived from their private key, so it
    /// survives a change of passphrase.
    let draftKey: SymmetricKey
    private let levelOf: () -> AccessLevel

    init(personID: String, fullName: String, isAdministrator: Bool, personalKey: SymmetricKey,
         personalPrivateKey: Curve25519.KeyAgreement.PrivateKey,
         recordsKey: Curve25519.KeyAgreement.PrivateKey?, level: @escaping () -> AccessLevel) {
        self.draftKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: personalPrivateKey.rawRepresentation),
                                                info: Data("esafety drafts v1".utf8), outputByteCount: 32)
        self.personID = personID
        self.fullName = fullName
        self.isAdministrator = isAdministrator
        self.personalKey = personalKey
        self.recordsKey = recordsKey
        self.levelOf = level
    }

    /// The level now: roles can change while someone is signed in.
    public var level: AccessLevel { levelOf() }

    /// Who changes are recorded as in the audit log.
    public var actor: AuditActor { AuditActor(id: "person:" + personID, name: fullName) }

    public func can(_ permission: Permission) -> Bool {
        if permission == .manageUsers || permission == .editSettings { return isAdministrator }
        if isAdministrator && [.editDirectory, .manageReviews, .publishAUP].contains(permission) { return true }
        return level.allows(permission)
    }

    /// Throws unless the session may do this.
    public func require(_ permission: Permission) throws {
        guard can(permission) else { throw AccessError.notAllowed(permission, level) }
    }

    /// True when this session can open an incident with these restrictions: allegations against
    /// staff are for the head teacher, and the e-safety lead unless they are the subject.
    public func mayOpen(restrictedToHead: Bool, subjects: [String], isEsafetyLead: Bool) -> Bool {
        guard level.readsIncidents else { return false }
        guard restrictedToHead else { return true }
        if level == .headTeacher { return true }
        return isEsafetyLead && !subjects.contains(personID)
    }
}
