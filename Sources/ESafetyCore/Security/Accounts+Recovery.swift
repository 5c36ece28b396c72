import Crypto
import Foundation

extension Accounts {
    /// The keys only the recovery key opens, checked against the signed authority.
    struct RecoveredKeys {
        var root: Curve25519.Signing.PrivateKey
        var escrow: Curve25519.KeyAgreement.PrivateKey
        var records: Curve25519.KeyAgreement.PrivateKey
    }

    /// Opens `keys.json` with the recovery key, counting a wrong one as a wrong passphrase is
    /// counted (throttled in every session).
    func recoveredKeys(_ text: String) throws -> RecoveredKeys {
        try waitIfThrottled(ThrottleDocument.recoveryKey)
        guard let ring = keyRing, let authority,
              let recovery = RecoveryKey.parse(text),
              let rootRaw = try? SymmetricSeal.open(ring.rootUnderRecovery, with: recovery),
              let root = try? Curve25519.Signing.PrivateKey(rawRepresentation: rootRaw),
              root.publicKey.rawRepresentation == authority.rootPublicKey,
              let escrowRaw = try? SymmetricSeal.open(ring.escrowUnderRecovery, with: recovery),
              let escrow = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: escrowRaw),
              escrow.publicKey.rawRepresentation == authority.current.escrowKey,
              let recordsRaw = try? ring.recordsForEscrow.open(with: escrow),
              let records = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: recordsRaw),
              records.publicKey.rawRepresentation == authority.current.recordsKey.publicKey else {
            if isSetUp { try countFailure(ThrottleDocument.recoveryKey, name: "recovery key") }
            throw AccessError.badRecoveryKey
        }
        try clearFailures(ThrottleDocument.recoveryKey, name: "recovery key")
        return RecoveredKeys(root: root, escrow: escrow, records: records)
    }

    /// For a person who has forgotten their passphrase (or a store whose administrators all
    /// have): the recovery key opens the root key, which signs a statement giving the person new
    /// keys (their access kept, or an administrator's if they had no account), and they are
    /// signed in. One commit, signed by the root.
    public func recover(recoveryKey text: String, personID: String, newPassphrase: String) throws -> Session {
        try refresh()
        guard isSetUp else { throw AccessError.notSetUp }
        let recovered = try recoveredKeys(text)
        guard let person = directory().person(personID), let authority else { throw DirectoryError.unknownPerson(personID) }
        let keys = try NewKeys(passphrase: newPassphrase, costLog2: costLog2)
        let before = authority.current.account(personID)
        let administrator = before?.administrator ?? true
        let access = before?.access ?? accessRoles(inDirectoryOf: personID)
        var account = try keys.account(personID, createdAt: now())
        if access.contains(where: \.readsIncidents) {
            account.recordsGrant = try SealedPayload.seal(recovered.records.rawRepresentation, to: keys.agreement.publicKey)
            account.recordsGeneration = authority.current.recordsKey.generation
        }
        var next = authority.current
        next.accounts.removeAll { $0.personID == personID }
        next.accounts.append(keys.granted(personID, name: person.fullName, administrator: administrator, access: access))
        next.number += 1
        next.previousHash = try authority.current.hash()
        next.issuedAt = IncidentLog.wholeSecond(now())
        next.issuedBy = "root"
        next.summary = "\(person.fullName) used the recovery key and set a new passphrase (new keys)"
        try next.sign(with: recovered.root)
        var document = AuthorityDocument(rootPublicKey: authority.rootPublicKey, statements: authority.statements + [next])
        var updatedUsers = users
        var ring = keyRing
        try store.commit(actor: AuditActor(id: "person:" + personID, name: person.fullName), action: "user.recover", recordID: personID,
                         summary: next.summary) { transaction in
            transaction.signer = SigningIdentity(signerID: "root", key: recovered.root)
            guard transaction.isUnchanged(Self.authorityDocumentName) else {
                throw StoreConflict(document: Self.authorityDocumentName, what: "the accounts", change: transaction.lastChange(of: Self.authorityDocumentName))
            }
            updatedUsers = (try transaction.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []).filter { $0.personID != personID }
            updatedUsers.append(account)
            try transaction.write(document, to: Self.authorityDocumentName)
            try transaction.write(UsersDocument(users: updatedUsers), to: Self.usersDocument)
            if administrator, var current = try transaction.load(KeyRingDocument.self, from: Self.keysDocument) {
                current.rootForAdministrators[personID] = try SealedPayload.seal(recovered.root.rawRepresentation, to: keys.agreement.publicKey)
                try transaction.write(current, to: Self.keysDocument)
                ring = current
            }
        }
        document = AuthorityDocument(rootPublicKey: authority.rootPublicKey, statements: authority.statements + [next])
        try adopt(users: updatedUsers, keyRing: ring, authority: document)
        try clearFailures(personID, name: person.fullName)
        return makeSession(personID: personID, name: person.fullName, wrappingKey: keys.wrapping, agreement: keys.agreement, signing: keys.signing)
    }
}
