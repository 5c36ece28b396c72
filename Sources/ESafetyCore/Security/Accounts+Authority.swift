import Crypto
import Foundation

/// Changing who may do what: every change is a statement signed by an administrator (set-up's
/// by the new root key), committed with whatever else the act writes, all in one commit.
extension Accounts {
    /// A new person's keys: the passphrase's hash and wrapping key, their X25519 and Ed25519
    /// private keys, and those wrapped.
    struct NewKeys {
        var passphrase: PassphraseKey
        var wrapping: SymmetricKey
        var agreement: Curve25519.KeyAgreement.PrivateKey
        var signing: Curve25519.Signing.PrivateKey

        init(passphrase text: String, costLog2: Int) throws {
            (passphrase, wrapping) = try PassphraseKey.make(passphrase: text, costLog2: costLog2)
            agreement = Curve25519.KeyAgreement.PrivateKey()
            signing = Curve25519.Signing.PrivateKey()
        }

        func account(_ personID: String, createdAt: Date) throws -> UserAccount {
            UserAccount(personID: personID, passphrase: passphrase,
                        wrappedAgreementKey: try SymmetricSeal.seal(agreement.rawRepresentation, with: wrapping),
                        wrappedSigningKey: try SymmetricSeal.seal(signing.rawRepresentation, with: wrapping),
                        recordsGrant: nil, recordsGeneration: nil, createdAt: createdAt)
        }

        func granted(_ personID: String, name: String, administrator: Bool, access: [AccessRole]) -> AuthorityStatement.Account {
            AuthorityStatement.Account(personID: personID, name: name, signingKey: signing.publicKey.rawRepresentation,
                                       agreementKey: agreement.publicKey.rawRepresentation, administrator: administrator,
                                       access: access.sorted())
        }
    }

    /// The access roles a person holds in the directory (what an administrator's act gives them).
    func accessRoles(inDirectoryOf personID: String) -> [AccessRole] {
        AccessRole.allCases.filter { directory().role($0.roleID)?.holderIDs.contains(personID) ?? false }
    }

    // MARK: Set-up

    /// The first run: makes the root key, the escrow and records keys, and the first
    /// administrator's account (with the access their directory roles carry), in one commit
    /// signed by the root key; returns them signed in and the recovery key to show once.
    public func setUp(administrator personID: String, passphrase: String, actor: AuditActor) throws -> (Session, recoveryKey: String) {
        guard !isSetUp else { throw AccessError.alreadySetUp }
        guard let person = directory().person(personID) else { throw DirectoryError.unknownPerson(personID) }
        let root = Curve25519.Signing.PrivateKey()
        let escrow = Curve25519.KeyAgreement.PrivateKey()
        let records = Curve25519.KeyAgreement.PrivateKey()
        let recovery = RecoveryKey.generate()
        let keys = try NewKeys(passphrase: passphrase, costLog2: costLog2)
        let access = accessRoles(inDirectoryOf: personID)
        var statement = AuthorityStatement(
            number: 1, previousHash: StoreAuditLog.hash(root.publicKey.rawRepresentation), issuedAt: IncidentLog.wholeSecond(now()),
            issuedBy: "root", summary: "Set up \(person.fullName) as the first administrator",
            accounts: [keys.granted(personID, name: person.fullName, administrator: true, access: access)],
            recordsKey: .init(generation: 1, publicKey: records.publicKey.rawRepresentation),
            escrowKey: escrow.publicKey.rawRepresentation, signature: nil)
        try statement.sign(with: root)
        let document = AuthorityDocument(rootPublicKey: root.publicKey.rawRepresentation, statements: [statement])
        let fingerprint = try Authority.verify(document).fingerprint
        var account = try keys.account(personID, createdAt: now())
        if access.contains(where: \.readsIncidents) {
            account.recordsGrant = try SealedPayload.seal(records.rawRepresentation, to: keys.agreement.publicKey)
            account.recordsGeneration = 1
        }
        let ring = KeyRingDocument(rootUnderRecovery: try SymmetricSeal.seal(root.rawRepresentation, with: recovery),
                                   rootForAdministrators: [personID: try SealedPayload.seal(root.rawRepresentation, to: keys.agreement.publicKey)],
                                   escrowUnderRecovery: try SymmetricSeal.seal(escrow.rawRepresentation, with: recovery),
                                   recordsForEscrow: try SealedPayload.seal(records.rawRepresentation, to: escrow.publicKey),
                                   recordsGeneration: 1, createdAt: now())
        try store.commit(actor: actor, action: "security.setup", recordID: personID,
                         summary: "Made the store's root key (fingerprint \(fingerprint)) and the keys for incident records, "
                            + "and set up \(person.fullName) as the first administrator") { transaction in
            transaction.signer = SigningIdentity(signerID: "root", key: root)
            guard transaction.revision(of: Self.authorityDocumentName) == nil else { throw AccessError.alreadySetUp }
            guard transaction.revision(of: Self.keysDocument) == nil, transaction.revision(of: Self.usersDocument) == nil else {
                throw AccessError.keysWithoutAuthority  // an earlier format's accounts, or authority.json taken away
            }
            try transaction.write(document, to: Self.authorityDocumentName)
            try transaction.write(ring, to: Self.keysDocument)
            try transaction.write(UsersDocument(users: [account]), to: Self.usersDocument)
        }
        try adopt(users: [account], keyRing: ring, authority: document)
        let session = makeSession(personID: personID, name: person.fullName, wrappingKey: keys.wrapping, agreement: keys.agreement,
                                  signing: keys.signing)
        return (session, RecoveryKey.text(recovery))
    }

    // MARK: Statements

    /// Commits the next statement: `change` applied to the statement in force (as last
    /// committed), numbered, chained, signed by `session` and checked against the rules before
    /// anything is written; `also` stages what else the act writes, in the same commit.
    @discardableResult
    func issue(by session: Session, action: String, recordID: String?, summary: String,
               _ change: (inout AuthorityStatement) throws -> Void,
               also: (StoreTransaction, AuthorityStatement) throws -> Void = { _, _ in }) throws -> AuthorityStatement {
        var document: AuthorityDocument?
        let issued = try store.commit(actor: session.actor, action: action, recordID: recordID, summary: summary) { transaction in
            // The commit has caught up (and read again a statement another session added since):
            // the next statement follows the last one committed, never a copy read earlier.
            if !transaction.isUnchanged(Self.authorityDocumentName) { try loadAuthority() }
            document = authorityDocument
            guard var current = document, let verified = try? Authority.verify(current) else {
                throw AccessError.authorityDamaged(authorityProblem?.description ?? "authority.json cannot be read")
            }
            var next = verified.current
            try change(&next)
            next.number = verified.current.number + 1
            next.previousHash = try verified.current.hash()
            next.issuedAt = IncidentLog.wholeSecond(now())
            next.issuedBy = session.personID
            next.summary = summary
            try next.sign(with: session.signingKey)
            guard let root = try? Curve25519.Signing.PublicKey(rawRepresentation: current.rootPublicKey) else {
                throw AccessError.authorityDamaged("the root public key is damaged")
            }
            do {
                try Authority.check(next, after: verified.current, root: root, rootKey: current.rootPublicKey)
            } catch let problem as AuthorityProblem {
                throw AccessError.needsAnotherAdministrator(problem.reason)
            }
            current.statements.append(next)
            document = current
            try transaction.write(current, to: Self.authorityDocumentName)
            try also(transaction, next)
            return next
        }
        try adopt(authority: document)
        return issued
    }

    /// Throws unless the session is an administrator the authority names.
    func requireAdministrator(_ session: Session) throws {
        guard authorityAccount(session.personID)?.administrator == true else { throw AccessError.notAnAdministrator }
    }

    /// Adds an account for a person in the directory (administrators only), with the access
    /// roles given (by default those their directory roles carry); the records key is sealed to
    /// them at once if the administrator holds it, else by the next holder to sign in.
    public func addUser(personID: String, passphrase: String, isAdministrator: Bool, access: [AccessRole]? = nil, by session: Session,
                        also: (StoreTransaction) throws -> Void = { _ in }) throws {
        try requireAdministrator(session)
        guard let person = directory().person(personID) else { throw DirectoryError.unknownPerson(personID) }
        guard authorityAccount(personID) == nil else { throw AccessError.alreadySetUp }
        let roles = access ?? accessRoles(inDirectoryOf: personID)
        let keys = try NewKeys(passphrase: passphrase, costLog2: costLog2)
        var account = try keys.account(personID, createdAt: now())
        if roles.contains(where: \.readsIncidents), let records = session.recordsKey {
            account.recordsGrant = try SealedPayload.seal(records.rawRepresentation, to: keys.agreement.publicKey)
            account.recordsGeneration = recordsGeneration
        }
        var ring = keyRing
        var updatedUsers = users
        let what = ([isAdministrator ? "administrator" : nil] + roles.map(\.label)).compactMap { $0 }
        try issue(by: session, action: "user.add", recordID: personID,
                  summary: "Gave \(person.fullName) an account" + (what.isEmpty ? "" : " (\(what.joined(separator: ", ")))")) { statement in
            statement.accounts.append(keys.granted(personID, name: person.fullName, administrator: isAdministrator, access: roles))
        } also: { transaction, _ in
            try also(transaction)
            updatedUsers = try transaction.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []
            updatedUsers.removeAll { $0.personID == personID }
            updatedUsers.append(account)
            try transaction.write(UsersDocument(users: updatedUsers), to: Self.usersDocument)
            if isAdministrator {
                guard let root = session.rootKey, var current = try transaction.load(KeyRingDocument.self, from: Self.keysDocument) else {
                    throw AccessError.needsAnotherAdministrator("make another administrator (your session does not hold the root key)")
                }
                current.rootForAdministrators[personID] = try SealedPayload.seal(root.rawRepresentation, to: keys.agreement.publicKey)
                try transaction.write(current, to: Self.keysDocument)
                ring = current
            }
        }
        try adopt(users: updatedUsers, keyRing: ring)
    }

    /// Changes what a person may do: their access roles and whether they administer (an
    /// administrator's signed act; not one's own, where another administrator could). Staging
    /// `also` lets the directory change in the same commit.
    /// - Returns: false, committing nothing, when the person already has exactly that access.
    @discardableResult
    public func setAccess(of personID: String, roles: [AccessRole], administrator: Bool, by session: Session,
                          also: (StoreTransaction) throws -> Void = { _ in }) throws -> Bool {
        try requireAdministrator(session)
        guard let before = authorityAccount(personID) else { throw AccessError.unknownUser(personID) }
        var ring = keyRing
        var updatedUsers = users
        let gained = Set(roles).subtracting(before.access).sorted().map(\.label)
        let lost = Set(before.access).subtracting(roles).sorted().map(\.label)
        var parts: [String] = []
        if !gained.isEmpty { parts.append("gave \(before.name) \(gained.joined(separator: ", ")) access") }
        if !lost.isEmpty { parts.append("took \(lost.joined(separator: ", ")) access from \(before.name)") }
        if administrator != before.administrator { parts.append(administrator ? "made \(before.name) an administrator" : "\(before.name) is no longer an administrator") }
        guard !parts.isEmpty else { return false }
        let summary = parts.joined(separator: "; ").prefix(1).uppercased() + parts.joined(separator: "; ").dropFirst()
        try issue(by: session, action: "access.change", recordID: personID, summary: String(summary)) { statement in
            guard let index = statement.accounts.firstIndex(where: { $0.personID == personID }) else { throw AccessError.unknownUser(personID) }
            statement.accounts[index].access = roles.sorted()
            statement.accounts[index].administrator = administrator
        } also: { transaction, statement in
            try also(transaction)
            updatedUsers = try transaction.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []
            if let index = updatedUsers.firstIndex(where: { $0.personID == personID }), let granted = statement.account(personID) {
                let reads = roles.contains(where: \.readsIncidents)
                if reads, updatedUsers[index].recordsGrant == nil, let records = session.recordsKey,
                   let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: granted.agreementKey) {
                    updatedUsers[index].recordsGrant = try SealedPayload.seal(records.rawRepresentation, to: key)
                    updatedUsers[index].recordsGeneration = statement.recordsKey.generation
                } else if !reads {
                    updatedUsers[index].recordsGrant = nil
                    updatedUsers[index].recordsGeneration = nil
                }
                try transaction.write(UsersDocument(users: updatedUsers), to: Self.usersDocument)
            }
            guard administrator != before.administrator, var current = try transaction.load(KeyRingDocument.self, from: Self.keysDocument) else { return }
            if administrator, let root = session.rootKey, let key = statement.account(personID).flatMap({ try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: $0.agreementKey) }) {
                current.rootForAdministrators[personID] = try SealedPayload.seal(root.rawRepresentation, to: key)
            } else if !administrator {
                current.rootForAdministrators[personID] = nil
            }
            try transaction.write(current, to: Self.keysDocument)
            ring = current
        }
        try adopt(users: updatedUsers, keyRing: ring)
        return true
    }

    /// Removes an account (administrators only; not their own): out of the authority, and their
    /// wrapped keys out of `users.json` and `keys.json`, so their passphrase opens nothing here.
    public func removeUser(personID: String, by session: Session, also: (StoreTransaction) throws -> Void = { _ in }) throws {
        try requireAdministrator(session)
        guard personID != session.personID else { throw AccessError.needsAnotherAdministrator("remove your own account") }
        guard let before = authorityAccount(personID) else { throw AccessError.unknownUser(personID) }
        var ring = keyRing
        var updatedUsers = users
        try issue(by: session, action: "user.remove", recordID: personID, summary: "Removed the account of \(before.name)") { statement in
            statement.accounts.removeAll { $0.personID == personID }
        } also: { transaction, _ in
            try also(transaction)
            updatedUsers = (try transaction.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []).filter { $0.personID != personID }
            try transaction.write(UsersDocument(users: updatedUsers), to: Self.usersDocument)
            if var current = try transaction.load(KeyRingDocument.self, from: Self.keysDocument), current.rootForAdministrators[personID] != nil {
                current.rootForAdministrators[personID] = nil
                try transaction.write(current, to: Self.keysDocument)
                ring = current
            }
        }
        try adopt(users: updatedUsers, keyRing: ring)
    }

    /// Seals the records key of the generation in force to every account the authority gives a
    /// role that reads incidents and that lacks it (someone added by an administrator who did
    /// not hold it). Needs a session holding the records key. Nothing else is ever granted.
    public func reconcileGrants(by session: Session) throws {
        guard let records = session.recordsKey, let current = authority?.current else { return }
        let missing = current.accounts.filter { granted in
            granted.access.contains(where: \.readsIncidents)
                && account(granted.personID).map { $0.recordsGrant == nil || $0.recordsGeneration != current.recordsKey.generation } == true
        }
        guard !missing.isEmpty else { return }
        try changeUsers(actor: session.actor, action: "user.records-key", recordID: nil) { updated in
            var given: [String] = []
            for granted in missing {
                guard let index = updated.firstIndex(where: { $0.personID == granted.personID }),
                      let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: granted.agreementKey) else { continue }
                updated[index].recordsGrant = try SealedPayload.seal(records.rawRepresentation, to: key)
                updated[index].recordsGeneration = current.recordsKey.generation
                given.append(granted.name)
            }
            return given.isEmpty ? nil : "Sealed the records key to \(given.joined(separator: ", ")), whom the signed authority gives access"
        }
    }
}
