import Crypto
import Foundation

/// Who may sign in at the shared terminal, what they may do, and the keys (docs/security.md).
///
/// - Authority comes only from signed statements (`authority.json`, ``Authority``): accounts,
///   their public keys, administrators and access roles. A root key made at set-up signs the
///   first; administrators sign the rest. `directory.json` and `users.json` grant nothing.
/// - Each person's secrets are in `users.json`: a slow salted scrypt hash of the passphrase, and
///   their X25519 and Ed25519 private keys wrapped by the key the passphrase gives.
/// - Incidents are sealed to the records key named by the authority; its private half is sealed
///   to each holder of an access role that reads incidents (a "grant"), and kept under the
///   recovery key in `keys.json`, with the root key.
/// - Wrong passphrases are counted in `throttle.json`, in every session.
public final class Accounts {
    let store: Store
    let directory: () -> RoleDirectory
    let now: () -> Date
    /// The scrypt cost for new passphrases (log2 of N).
    public var costLog2 = PassphraseKey.defaultCostLog2

    public internal(set) var users: [UserAccount]
    var keyRing: KeyRingDocument?
    var authorityDocument: AuthorityDocument?
    /// The verified authority, or why it could not be verified.
    public private(set) var authority: Authority?
    public private(set) var authorityProblem: AuthorityProblem?
    /// The revision of `authority.json` that `authority` was read from.
    private var loadedAuthorityRevision: Int?
    var throttle: ThrottleDocument

    static let usersDocument = "users"
    static let keysDocument = KeyRingDocument.name
    static let authorityDocumentName = AuthorityDocument.name

    init(store: Store, directory: @escaping () -> RoleDirectory, now: @escaping () -> Date) throws {
        self.store = store
        self.directory = directory
        self.now = now
        users = try store.load(UsersDocument.self, from: Self.usersDocument)?.users ?? []
        keyRing = try store.load(KeyRingDocument.self, from: Self.keysDocument)
        throttle = try store.load(ThrottleDocument.self, from: ThrottleDocument.name) ?? ThrottleDocument()
        try loadAuthority()
    }

    func loadAuthority() throws {
        authorityDocument = try store.load(AuthorityDocument.self, from: Self.authorityDocumentName)
        loadedAuthorityRevision = store.committedRevision(of: Self.authorityDocumentName)
        authority = nil
        authorityProblem = nil
        guard let authorityDocument else { return }
        do {
            authority = try Authority.verify(authorityDocument)
        } catch let problem as AuthorityProblem {
            authorityProblem = problem
        }
    }

    /// True once the first administrator has been set up (even if the authority has since been
    /// damaged: then nobody gets access, rather than everybody).
    public var isSetUp: Bool { authorityDocument != nil }

    /// The records public key in force, to seal new incidents to.
    var recordsPublicKey: Curve25519.KeyAgreement.PublicKey? {
        authority.flatMap { try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: $0.current.recordsKey.publicKey) }
    }

    /// The records key's generation in force.
    var recordsGeneration: Int { authority?.current.recordsKey.generation ?? 0 }

    /// The root key's fingerprint, to compare with the one written down at set-up.
    public var fingerprint: String? { authority?.fingerprint ?? authorityDocument.map { Authority.fingerprint(of: $0.rootPublicKey) } }

    public func account(_ personID: String) -> UserAccount? { users.first { $0.personID == personID } }

    /// What the authority in force gives a person, if it gives them an account.
    public func authorityAccount(_ personID: String) -> AuthorityStatement.Account? { authority?.current.account(personID) }

    /// The people who may sign in: accounts the authority names and `users.json` holds.
    public var signInAccounts: [UserAccount] { users.filter { authorityAccount($0.personID) != nil } }

    // MARK: Signing in

    /// Signs a person in. Wrong passphrases are counted (in every session, read-only ones too);
    /// after four, each further try must wait longer (`SignInThrottle`).
    public func signIn(personID: String, passphrase: String) throws -> Session {
        try refresh()  // wrong tries at other terminals count too
        guard isSetUp else { throw AccessError.notSetUp }
        guard let authority else { throw AccessError.authorityDamaged(authorityProblem?.description ?? "authority.json cannot be read") }
        guard let account = account(personID), let granted = authority.current.account(personID) else {
            throw AccessError.unknownUser(directory().person(personID)?.fullName ?? personID)
        }
        let name = directory().person(personID)?.fullName ?? granted.name
        try waitIfThrottled(personID)
        guard let wrappingKey = try account.passphrase.unlock(passphrase: passphrase) else {
            let failures = try countFailure(personID, name: name)
            throw AccessError.wrongPassphrase(remainingBeforeDelay: max(0, SignInThrottle.freeAttempts - failures))
        }
        let agreement: Curve25519.KeyAgreement.PrivateKey, signing: Curve25519.Signing.PrivateKey
        do {
            agreement = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: SymmetricSeal.open(account.wrappedAgreementKey, with: wrappingKey))
            signing = try Curve25519.Signing.PrivateKey(rawRepresentation: SymmetricSeal.open(account.wrappedSigningKey, with: wrappingKey))
        } catch {
            throw AccessError.damagedKey("users.json")
        }
        // The keys must be the ones the signed authority names: users.json alone grants nothing.
        guard agreement.publicKey.rawRepresentation == granted.agreementKey, signing.publicKey.rawRepresentation == granted.signingKey else {
            throw AccessError.accountNotAuthorised(name)
        }
        try clearFailures(personID, name: name)
        return makeSession(personID: personID, name: name, wrappingKey: wrappingKey, agreement: agreement, signing: signing)
    }

    /// A session for keys already unlocked: with the records key if the grant of the generation
    /// in force opens, and the root key for administrators.
    func makeSession(personID: String, name: String, wrappingKey: SymmetricKey, agreement: Curve25519.KeyAgreement.PrivateKey,
                     signing: Curve25519.Signing.PrivateKey) -> Session {
        let current = authority?.current
        var records: Curve25519.KeyAgreement.PrivateKey?
        if let account = account(personID), let grant = account.recordsGrant, account.recordsGeneration == current?.recordsKey.generation,
           let raw = try? grant.open(with: agreement), let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw),
           key.publicKey.rawRepresentation == current?.recordsKey.publicKey {
            records = key
        }
        var root: Curve25519.Signing.PrivateKey?
        if current?.account(personID)?.administrator == true, let sealed = keyRing?.rootForAdministrators[personID],
           let raw = try? sealed.open(with: agreement), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw),
           key.publicKey.rawRepresentation == authority?.rootPublicKey {
            root = key
        }
        let governor: () -> Bool = { [directory] in
            directory().roles(heldBy: personID).contains { $0.id == Role.WellKnown.linkGovernor }
        }
        return Session(personID: personID, fullName: name, personalKey: wrappingKey, agreementKey: agreement, signingKey: signing,
                       recordsKey: records, rootKey: root, account: { [weak self] in self?.authorityAccount(personID) }, isGovernor: governor,
                       confirmNamed: { [weak self] in try self?.confirmNamed(personID, name: name, signingKey: signing.publicKey.rawRepresentation) })
    }

    /// Throws unless the authority as last committed names `personID` with `signingKey`. Called
    /// under the commit lock before every commit of theirs; reads `authority.json` again only
    /// when another session has changed it.
    func confirmNamed(_ personID: String, name: String, signingKey: Data) throws {
        if store.committedRevision(of: Self.authorityDocumentName) != loadedAuthorityRevision { try loadAuthority() }
        guard let authority, authority.current.account(personID)?.signingKey == signingKey else {
            throw AccessError.accountRemoved(name)
        }
    }

    /// The same person's session with the keys the authority in force gives them (after another
    /// session rotated the records key, or changed their access).
    func renewed(_ session: Session) -> Session {
        makeSession(personID: session.personID, name: session.fullName, wrappingKey: session.personalKey,
                    agreement: session.agreementKey, signing: session.signingKey)
    }

    /// True when someone has lost access to incidents since the records key in force was made,
    /// so it must be rotated (by the next session that holds it).
    public var rotationIsDue: Bool {
        guard let authority else { return false }
        let generation = authority.current.recordsKey.generation
        let current = Set(authority.current.accounts.filter { $0.access.contains(where: \.readsIncidents) }.map(\.personID))
        for statement in authority.statements where statement.recordsKey.generation == generation {
            for account in statement.accounts where account.access.contains(where: \.readsIncidents) && !current.contains(account.personID) {
                return true
            }
        }
        return false
    }

    // MARK: Throttling

    /// Throws ``AccessError/tooSoon(secondsToWait:)`` while `key`'s wrong tries make it wait.
    func waitIfThrottled(_ key: String) throws {
        let failures = throttle.failures[key]
        let wait = SignInThrottle.remainingWait(failures: failures?.count ?? 0, lastFailure: failures?.last, now: now())
        guard wait == 0 else { throw AccessError.tooSoon(secondsToWait: wait) }
    }

    /// Counts a wrong try (an unsigned commit of `throttle.json`: whoever failed has no key) and
    /// returns how many there have been in a row.
    @discardableResult
    func countFailure(_ key: String, name: String) throws -> Int {
        var count = 0
        try changeThrottle(actor: AuditActor(id: key == ThrottleDocument.recoveryKey ? "recovery" : "person:" + key, name: name),
                           action: key == ThrottleDocument.recoveryKey ? "user.recovery.failed" : "user.sign-in.failed") { document in
            var failures = document.failures[key] ?? ThrottleDocument.Failures(count: 0, last: now())
            failures.count += 1
            failures.last = IncidentLog.wholeSecond(now())
            document.failures[key] = failures
            count = failures.count
            return key == ThrottleDocument.recoveryKey ? "A wrong recovery key was given (\(count) in a row)"
                                                       : "Wrong passphrase for \(name) (\(count) in a row)"
        }
        return count
    }

    func clearFailures(_ key: String, name: String) throws {
        guard throttle.failures[key] != nil else { return }
        try changeThrottle(actor: AuditActor(id: "person:" + key, name: name), action: "user.sign-in") { document in
            guard document.failures.removeValue(forKey: key) != nil else { return nil }
            return "\(name) signed in after wrong passphrases"
        }
    }

    private func changeThrottle(actor: AuditActor, action: String, _ change: (inout ThrottleDocument) -> String?) throws {
        var copy = throttle
        try store.commit(actor: actor, action: action) { transaction in
            transaction.signer = NoSigner.shared  // whoever failed has no key; this entry grants nothing
            if !transaction.isUnchanged(ThrottleDocument.name) {
                copy = try store.load(ThrottleDocument.self, from: ThrottleDocument.name) ?? ThrottleDocument()
            }
            guard let summary = change(&copy) else { return }
            transaction.summary = summary
            try transaction.write(copy, to: ThrottleDocument.name)
        }
        throttle = copy
    }

    // MARK: Passphrases

    /// Sets a new passphrase for the signed-in person, keeping their keys.
    public func changePassphrase(for session: Session, to newPassphrase: String) throws {
        let (passphraseKey, wrappingKey) = try PassphraseKey.make(passphrase: newPassphrase, costLog2: costLog2)
        let agreement = try SymmetricSeal.seal(session.agreementKey.rawRepresentation, with: wrappingKey)
        let signing = try SymmetricSeal.seal(session.signingKey.rawRepresentation, with: wrappingKey)
        try changeUsers(actor: session.actor, action: "user.passphrase", recordID: session.personID) { users in
            guard let index = users.firstIndex(where: { $0.personID == session.personID }) else { throw AccessError.unknownUser(session.personID) }
            users[index].passphrase = passphraseKey
            users[index].wrappedAgreementKey = agreement
            users[index].wrappedSigningKey = signing
            return "\(session.fullName) changed their passphrase"
        }
    }

    /// Applies a change to the accounts as last committed, commits it and keeps it. The change
    /// returns the audit summary, or nil when it changes nothing (then nothing is written).
    func changeUsers(actor: AuditActor, action: String, recordID: String?, _ change: (inout [UserAccount]) throws -> String?) throws {
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

    /// Reads the accounts, keys, throttle and authority again where another session has committed.
    func refresh() throws {
        try store.catchUp()
        func changed(_ name: String) -> Bool { store.revision(of: name) != store.committedRevision(of: name) }
        if changed(Self.usersDocument) { users = try store.load(UsersDocument.self, from: Self.usersDocument)?.users ?? [] }
        if changed(Self.keysDocument) { keyRing = try store.load(KeyRingDocument.self, from: Self.keysDocument) }
        if changed(ThrottleDocument.name) { throttle = try store.load(ThrottleDocument.self, from: ThrottleDocument.name) ?? ThrottleDocument() }
        if changed(Self.authorityDocumentName) { try loadAuthority() }
    }

    /// Keeps what a commit just wrote.
    func adopt(users: [UserAccount]? = nil, keyRing: KeyRingDocument? = nil, authority document: AuthorityDocument? = nil) throws {
        if let users { self.users = users }
        if let keyRing { self.keyRing = keyRing }
        if let document {
            authorityDocument = document
            authority = try Authority.verify(document)
            authorityProblem = nil
        }
    }
}

/// Marks a commit to be written unsigned even while someone is signed in (a wrong passphrase is
/// counted for whoever failed, who has no key).
struct NoSigner: StoreSigner {
    static let shared = NoSigner()
    var signerID: String { "" }
    func sign(_ data: Data) throws -> Data { Data() }
}
