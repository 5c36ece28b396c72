import Crypto
import Foundation

/// Proves audit entries against the signed authority: after set-up, every entry must be signed
/// by the key of a person the authority named at that point (or by the root key), over the line
/// as written without its signature. The only unsigned entries allowed are those that count
/// wrong passphrases (they write `throttle.json` alone, and grant nothing). So an entry forged
/// by hand, or a grant, needs somebody's passphrase.
struct AuditSignatureVerifier {
    /// The authority with every statement so far (statements are only added).
    private var authority: Authority?
    /// How many revisions of `authority.json` were written before the next entry.
    private(set) var authorityRevision: Int
    private let encoder = StoreJSON.makeLineEncoder()

    init(authority: Authority?, revisionBefore: Int) {
        self.authority = authority
        self.authorityRevision = revisionBefore
    }

    /// Takes a newer copy of the authority (with more statements), if it is the same root's.
    mutating func update(_ newer: Authority?) {
        guard let newer, authority == nil || newer.rootPublicKey == authority?.rootPublicKey else { return }
        if newer.statements.count >= (authority?.statements.count ?? 0) { authority = newer }
    }

    /// Why `entry` is not what esafety would have written, or nil. Advances past it.
    mutating func verify(_ entry: AuditEntry) -> String? {
        defer {
            if let change = entry.documents?.first(where: { $0.document == AuthorityDocument.name }) { authorityRevision = change.revision }
        }
        let before = authorityRevision
        let writesAuthority = entry.documents?.first { $0.document == AuthorityDocument.name }
        guard before > 0 || writesAuthority != nil else { return nil }  // before set-up nothing is signed
        guard let authority else { return "entry \(entry.sequence) comes after accounts were set up, but authority.json cannot be read" }
        guard let signer = entry.signer, let signatureText = entry.signature else {
            let onlyThrottle = !(entry.documents ?? []).isEmpty && (entry.documents ?? []).allSatisfy { $0.document == ThrottleDocument.name }
            return onlyThrottle ? nil : "entry \(entry.sequence) (\(entry.action)) is not signed: it was not written by esafety for a signed-in person"
        }
        let key: Data?
        if signer == "root" {
            key = authority.rootPublicKey
        } else if let revision = writesAuthority?.revision, let statement = authority.statement(afterRevision: revision),
                  revision == before + 1, statement.issuedBy == signer {
            // The entry that commits a statement is signed by its issuer, named in the one before
            // (or, for a records-key rotation by a holder, there too).
            key = authority.statement(afterRevision: before)?.account(signer)?.signingKey
        } else {
            key = authority.statement(afterRevision: before)?.account(signer)?.signingKey
        }
        guard let key, let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else {
            return "entry \(entry.sequence) is signed by \(signer), whom the signed authority did not name then"
        }
        var unsigned = entry
        unsigned.signature = nil
        guard let signature = Data(base64Encoded: signatureText), let bytes = try? encoder.encode(unsigned),
              publicKey.isValidSignature(signature, for: bytes) else {
            return "entry \(entry.sequence)'s signature is not \(signer)'s: the entry was changed, or written by hand"
        }
        if let revision = writesAuthority?.revision, revision != before + 1 || authority.statement(afterRevision: revision) == nil {
            return "entry \(entry.sequence) writes revision \(revision) of authority.json, which holds no such statement"
        }
        return nil
    }
}

extension Workspace {
    /// Every audit entry's signature proven against the signed authority, and the authority's
    /// own chain, for `esafety check`. Empty when all is well (or before set-up).
    public func checkSignatures() -> [StoreProblem] {
        guard let accounts = try? accounts(), accounts.isSetUp else { return [] }
        var problems: [StoreProblem] = []
        if let problem = accounts.authorityProblem {
            problems.append(StoreProblem(file: AuthorityDocument.name + ".json", problem: problem.reason + " (statement \(problem.statement))"))
        }
        guard let entries = try? store.auditEntries() else { return problems }  // check names the log itself
        var verifier = AuditSignatureVerifier(authority: accounts.authority, revisionBefore: 0)
        for entry in entries {
            if let problem = verifier.verify(entry) { problems.append(StoreProblem(file: StoreAuditLog.fileName, problem: problem)) }
        }
        problems += accessNotGivenBySignedActs()
        return problems
    }

    /// ``accessNotGivenBySignedActs()`` as dashboard lines.
    public func accessNotGivenBySignedActsForDashboard() -> [String] {
        accessNotGivenBySignedActs().map { "directory.json " + $0.problem }
    }

    /// Directory roles that carry access, shown for someone whose signed access does not include
    /// them: a directory edited to make someone a lead grants nothing, and says so.
    func accessNotGivenBySignedActs() -> [StoreProblem] {
        guard let authority = (try? accounts())?.authority else { return [] }
        var problems: [StoreProblem] = []
        for role in AccessRole.allCases {
            for personID in directory.role(role.roleID)?.holderIDs ?? [] {
                guard let granted = authority.current.account(personID), !granted.access.contains(role) else { continue }
                problems.append(StoreProblem(file: DocumentName.directory + ".json", problem: "names \(granted.name) as \(role.label), "
                    + "which no administrator's signed act gave: it grants nothing. An administrator gives the access in Settings › Users, "
                    + "or takes the name out of the role"))
            }
        }
        return problems
    }
}
