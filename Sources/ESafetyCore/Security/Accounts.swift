import Crypto
import Foundation

/// Who may sign in at the shared terminal, and the keys to incident records.
///
/// - Each account's passphrase is kept only as a slow salted scrypt hash (`PassphraseKey`).
/// - Incidents are sealed to one records public key, so anyone signed in can record one, but
///   only holders of the records private key can read them again.
/// - The records private key is sealed to each lead's and the head teacher's own public key
///   (a "grant"); their own private key is wrapped by their passphrase. Adding or removing a
///   lead grants or withdraws it (`reconcileGrants`), done whenever a lead signs in.
/// - The records private key is also wrapped by a recovery key shown once at set-up.
public final class Accounts {
    private let store: Store
    private let directory: () -> RoleDirectory
    private let now: () -> Date
    /// The scrypt cost for new passphrases (log2 of N).
    public var costLog2 = PassphraseKey.defaultCostLog2

    public private(set) var users: [UserAccount]
    private var keys: RecordsKeysDocument?

    static let usersDocument = "users"
    static let keysDocument = "keys"

    init(store: Store, directory: @escaping () -> RoleDirectory, now: @escaping () -> Date) throws {
        self.store = store
        self.directory = directory
        self.now = now
        users = try store.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []
        keys = try store.load(RecordsKeysDocument.self, from: Self.keysDocument)
    }

    /// True once the first administrator has been set up.
    public var isSetUp: Bool { !users.isEmpty && keys != nil }

    /// The records public key, to seal new incidents to.
    var recordsPublicKey: Curve25519.KeyAgreement.PublicKey? {
        keys.flatMap { try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: $0.recordsPublicKey) }
    }

    public func account(_ personID: String) -> UserAccount? { users.first { $0.personID == personID } }

    // MARK: Set-up

    /// The first run: makes the records keys and the first administrator's account, and returns
    /// the recovery key to show once. The administrator gets the records key if their roles
    /// read incidents.
    public func setUp(administrator personID: String, passphrase: String, actor: AuditActor) throws -> (Session, recoveryKey: String) {
        guard !isSetUp else { throw AccessError.alreadySetUp }
        guard let person = directory().person(personID) else { throw DirectoryError.unknownPerson(personID) }
        let records = Curve25519.KeyAgreement.PrivateKey()
        let recovery = RecoveryKey.generate()
        let document = RecordsKeysDocument(recordsPublicKey: records.publicKey.rawRepresentation,
                                           recoveryWrappedKey: try SymmetricSeal.seal(records.rawRepresentation, with: recovery),
                                           createdAt: now())
        let (account, personalKey, personal) = try makeAccount(personID: personID, passphrase: passphrase, isAdministrator: true,
                                                               records: records)
        // One act, one commit: the keys and the first account together.
        try store.commit(actor: actor, action: "security.setup", recordID: personID,
                         summary: "Made the keys for incident records and set up \(person.fullName) as the first administrator") { transaction in
            guard transaction.revision(of: Self.keysDocument) == nil else { throw AccessError.alreadySetUp }
            try transaction.write(document, to: Self.keysDocument)
            try transaction.write(UsersDocument(users: [account]), to: Self.usersDocument)
        }
        keys = document
        users = [account]
        let session = Session(personID: personID, fullName: person.fullName, isAdministrator: true, personalKey: personalKey,
                              personalPrivateKey: personal, recordsKey: account.recordsGrant == nil ? nil : records, level: level(of: personID))
        return (session, RecoveryKey.text(recovery))
    }

    /// Adds an account for a person in the directory (administrators only).
    public func addUser(personID: String, passphrase: String, isAdministrator: Bool, by session: Session) throws {
        try session.require(.manageUsers)
        guard let person = directory().person(personID) else { throw DirectoryError.unknownPerson(personID) }
        guard account(personID) == nil else { throw AccessError.alreadySetUp }
        let (account, _, _) = try makeAccount(personID: personID, passphrase: passphrase, isAdministrator: isAdministrator,
                                              records: session.recordsKey)
        try changeUsers(actor: session.actor, action: "user.add", recordID: personID) { users in
            guard !users.contains(where: { $0.personID == personID }) else { throw AccessError.alreadySetUp }
            users.append(account)
            return "Gave \(person.fullName) an account"
        }
    }

    /// Removes an account (administrators only; not their own).
    public func removeUser(personID: String, by session: Session) throws {
        try session.require(.manageUsers)
        guard account(personID) != nil else { throw AccessError.unknownUser(personID) }
        let name = directory().person(personID)?.fullName ?? personID
        try changeUsers(actor: session.actor, action: "user.remove", recordID: personID) { users in
            users.removeAll { $0.personID == personID }
            return "Removed the account of \(name)"
        }
    }

    private func makeAccount(personID: String, passphrase: String, isAdministrator: Bool,
                             records: Curve25519.KeyAgreement.PrivateKey?) throws -> (UserAccount, SymmetricKey, Curve25519.KeyAgreement.PrivateKey) {
        let (passphraseKey, wrappingKey) = try PassphraseKey.make(passphrase: passphrase, costLog2: costLog2)
        let personal = Curve25519.KeyAgreement.PrivateKey()
        var account = UserAccount(personID: personID, isAdministrator: isAdministrator, passphrase: passphraseKey,
                                  publicKey: personal.publicKey.rawRepresentation,
                                  wrappedPrivateKey: try SymmetricSeal.seal(personal.rawRepresentation, with: wrappingKey),
                                  recordsGrant: nil, failedAttempts: 0, lastFailureAt: nil, createdAt: now())
        if let records, level(of: personID)().readsIncidents {
            account.recordsGrant = try SealedPayload.seal(records.rawRepresentation, to: personal.publicKey)
        }
        return (account, wrappingKey, personal)
    }

    private func level(of personID: String) -> () -> AccessLevel {
        { [directory] in AccessLevel.level(of: personID, in: directory()) }
    }

    // MARK: Signing in

    /// Signs a person in. Wrong passphrases are counted in the account; after four, each further
    /// try must wait longer (`SignInThrottle`).
    public func signIn(personID: String, passphrase: String) throws -> Session {
        try refresh()  // wrong tries at other terminals count too
        guard isSetUp else { throw AccessError.notSetUp }
        guard let index = users.firstIndex(where: { $0.personID == personID }) else { throw AccessError.unknownUser(personID) }
        let account = users[index]
        let name = directory().person(personID)?.fullName ?? personID
        let wait = SignInThrottle.remainingWait(failures: account.failedAttempts, lastFailure: account.lastFailureAt, now: now())
        guard wait == 0 else { throw AccessError.tooSoon(secondsToWait: wait) }
        let person = AuditActor(id: "person:" + personID, name: name)
        guard let wrappingKey = try account.passphrase.unlock(passphrase: passphrase) else {
            var failures = account.failedAttempts + 1
            try changeUsers(actor: person, action: "user.sign-in.failed", recordID: personID) { users in
                guard let index = users.firstIndex(where: { $0.personID == personID }) else { return nil }
                users[index].failedAttempts += 1
                users[index].lastFailureAt = now()
                failures = users[index].failedAttempts
                return "Wrong passphrase for \(name) (\(failures) in a row)"
            }
            throw AccessError.wrongPassphrase(remainingBeforeDelay: max(0, SignInThrottle.freeAttempts - failures))
        }
        if account.failedAttempts > 0 {
            try changeUsers(actor: person, action: "user.sign-in", recordID: personID) { users in
                guard let index = users.firstIndex(where: { $0.personID == personID }) else { return nil }
                users[index].failedAttempts = 0
                users[index].lastFailureAt = nil
                return "\(name) signed in after wrong passphrases"
            }
        }
        let personal: Curve25519.KeyAgreement.PrivateKey
        do {
            personal = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: SymmetricSeal.open(account.wrappedPrivateKey, with: wrappingKey))
        } catch {
            throw AccessError.damagedKey("users.json")
        }
        let records = try account.recordsGrant.map { grant in
            try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: grant.open(with: personal))
        }
        let session = Session(personID: personID, fullName: name, isAdministrator: account.isAdministrator, personalKey: wrappingKey,
                              personalPrivateKey: personal, recordsKey: records, level: level(of: personID))
        try reconcileGrants(by: session)
        return session
    }

    /// Gives the records key to every account whose roles now read incidents, and takes it from
    /// those whose roles no longer do. Needs a session holding the records key.
    public func reconcileGrants(by session: Session) throws {
        guard let records = session.recordsKey else { return }
        let needsChange = users.contains { account in
            AccessLevel.level(of: account.personID, in: directory()).readsIncidents == (account.recordsGrant == nil)
        }
        guard needsChange else { return }
        try changeUsers(actor: session.actor, action: "user.records-key", recordID: nil) { updated in
            let (granted, withdrawn) = try changedGrants(&updated, records: records)
            guard !granted.isEmpty || !withdrawn.isEmpty else { return nil }
            let names = { (ids: [String]) in ids.map { self.directory().person($0)?.fullName ?? $0 }.joined(separator: ", ") }
            var parts: [String] = []
            if !granted.isEmpty { parts.append("gave the records key to \(names(granted))") }
            if !withdrawn.isEmpty { parts.append("took the records key from \(names(withdrawn))") }
            return "Following role changes, " + parts.joined(separator: "; ")
        }
    }

    /// Seals the records key to every account whose roles now read incidents, and takes it from
    /// those whose roles no longer do; returns who gained and who lost it.
    private func changedGrants(_ updated: inout [UserAccount], records: Curve25519.KeyAgreement.PrivateKey) throws -> (granted: [String], withdrawn: [String]) {
        var granted: [String] = [], withdrawn: [String] = []
        for index in updated.indices {
            let reads = AccessLevel.level(of: updated[index].personID, in: directory()).readsIncidents
            if reads && updated[index].recordsGrant == nil,
               let publicKey = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: updated[index].publicKey) {
                updated[index].recordsGrant = try SealedPayload.seal(records.rawRepresentation, to: publicKey)
                granted.append(updated[index].personID)
            } else if !reads && updated[index].recordsGrant != nil {
                updated[index].recordsGrant = nil
                withdrawn.append(updated[index].personID)
            }
        }
        return (granted, withdrawn)
    }

    // MARK: Recovery and passphrases

    /// For a store whose leads have all forgotten their passphrases: the recovery key opens the
    /// records key, the person gets a new passphrase (and a new key pair), and is signed in.
    public func recover(recoveryKey text: String, personID: String, newPassphrase: String) throws -> Session {
        guard let keys else { throw AccessError.notSetUp }
        guard let recovery = RecoveryKey.parse(text),
              let raw = try? SymmetricSeal.open(keys.recoveryWrappedKey, with: recovery),
              let records = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw) else {
            throw AccessError.badRecoveryKey
        }
        guard let person = directory().person(personID) else { throw DirectoryError.unknownPerson(personID) }
        let existing = account(personID)
        let (account, personalKey, personal) = try makeAccount(personID: personID, passphrase: newPassphrase,
                                                               isAdministrator: existing?.isAdministrator ?? true, records: records)
        let actor = AuditActor(id: "person:" + personID, name: person.fullName)
        try changeUsers(actor: actor, action: "user.recover", recordID: personID) { users in
            users.removeAll { $0.personID == personID }
            users.append(account)
            return "\(person.fullName) used the recovery key and set a new passphrase"
        }
        return Session(personID: personID, fullName: person.fullName, isAdministrator: account.isAdministrator,
                       personalKey: personalKey, personalPrivateKey: personal,
                       recordsKey: account.recordsGrant == nil ? nil : records, level: level(of: personID))
    }

    /// Sets a new passphrase for the signed-in person, keeping their keys.
    public func changePassphrase(for session: Session, to newPassphrase: String) throws {
        guard let index = users.firstIndex(where: { $0.personID == session.personID }) else { throw AccessError.unknownUser(session.personID) }
        let (passphraseKey, wrappingKey) = try PassphraseKey.make(passphrase: newPassphrase, costLog2: costLog2)
        guard let raw = try? SymmetricSeal.open(users[index].wrappedPrivateKey, with: session.personalKey) else {
            throw AccessError.damagedKey("users.json")
        }
        let wrapped = try SymmetricSeal.seal(raw, with: wrappingKey)
        try changeUsers(actor: session.actor, action: "user.passphrase", recordID: session.personID) { users in
            guard let index = users.firstIndex(where: { $0.personID == session.personID }) else { throw AccessError.unknownUser(session.personID) }
            users[index].passphrase = passphraseKey
            users[index].wrappedPrivateKey = wrapped
            return "\(session.fullName) changed their passphrase"
        }
    }

    /// Applies a change to the accounts as last committed (this session's copy if nobody has
    /// changed them since), commits it and keeps it. The change returns the audit summary, or
    /// nil when it changes nothing (then nothing is written).
    private func changeUsers(actor: AuditActor, action: String, recordID: String?, _ change: (inout [UserAccount]) throws -> String?) throws {
        var copy = users
        try store.commit(actor: actor, action: action, recordID: recordID) { transaction in
            if !transaction.isUnchanged(Self.usersDocument) {
                copy = try store.load(UsersDocument.self, from: Self.usersDocument)?.users ?? copy
            }
            guard let summary = try change(&copy) else { return }
            transaction.summary = summary
            try transaction.write(UsersDocument(users: copy), to: Self.usersDocument)
        }
        users = copy
    }

    /// Reads the accounts and keys again if another session has committed to them.
    func refresh() throws {
        try store.catchUp()
        if store.revision(of: Self.usersDocument) != store.committedRevision(of: Self.usersDocument) {
            users = try store.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []
        }
        if store.revision(of: Self.keysDocument) != store.committedRevision(of: Self.keysDocument) {
            keys = try store.load(RecordsKeysDocument.self, from: Self.keysDocument)
        }
    }
}
