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

    /// Why `entry` is not what esafety would have written, or nil. Advances past it. Given the
    /// line it was read from, the signature is proven over that line (no encoding again).
    mutating func verify(_ entry: AuditEntry, line: Data? = nil) -> String? {
        next(entry, line: line).problem(encoder: encoder)
    }

    /// ``verify(_:)`` of every entry of a log, in order, with the line each was read from: the
    /// signatures are checked over the cores (each depends only on its key, which the walk
    /// along the chain settles first).
    mutating func verifyAll(_ entries: [(entry: AuditEntry, line: Data?)]) -> [String] {
        verifyEach(entries).compactMap { $0 }
    }

    /// ``verify(_:)`` of each entry, in order, over the cores: what is wrong with each, or nil.
    mutating func verifyEach(_ entries: [(entry: AuditEntry, line: Data?)]) -> [String?] {
        let steps = entries.map { next($0.entry, line: $0.line) }
        return ParallelMap.map(steps, context: StoreJSON.makeLineEncoder) { encoder, step in step.problem(encoder: encoder) }
    }

    /// What is left to prove of one entry once its place in the chain is known.
    enum Step: @unchecked Sendable {  // AuditEntry and the key are values, read by one thread at a time
        case settled(String?)
        case signature(PendingSignature)

        /// What is wrong with the entry, if anything, once the signature (if any) is checked.
        func problem(encoder: JSONEncoder) -> String? {
            switch self {
            case .settled(let problem): return problem
            case .signature(let pending): return pending.problem(encoder: encoder)
            }
        }
    }

    /// An entry's signature, its signer's key, and what is wrong if the signature holds anyway.
    struct PendingSignature: @unchecked Sendable {
        var entry: AuditEntry
        var line: Data?
        var signer: String
        var key: Curve25519.Signing.PublicKey
        var signature: Data
        var problemIfValid: String?

        /// The signature is over the entry as written without it: the line with its
        /// `"signature"` member taken out (the line encoder sorts keys and leaves out what is
        /// absent), or, failing that, the entry encoded again.
        func problem(encoder: JSONEncoder) -> String? {
            if let line, let unsigned = AuditSignatureVerifier.unsignedBytes(ofLine: line), key.isValidSignature(signature, for: unsigned) {
                return problemIfValid
            }
            var unsigned = entry
            unsigned.signature = nil
            guard let bytes = try? encoder.encode(unsigned), key.isValidSignature(signature, for: bytes) else {
                return "entry \(entry.sequence)'s signature is not \(signer)'s: the entry was changed, or written by hand"
            }
            return problemIfValid
        }
    }

    /// A line without its `,"signature":"…"` member (nil if it has none). A string in JSON
    /// holds no bare quote, so the member's text can stand nowhere else in the line.
    static func unsignedBytes(ofLine line: Data) -> Data? {
        guard let member = line.range(of: signatureMember),
              let close = line[member.upperBound...].firstIndex(of: 0x22) else { return nil }
        var bytes = Data(line[..<member.lowerBound])
        bytes.append(line[(close + 1)...])
        return bytes
    }

    private static let signatureMember = Data(#","signature":""#.utf8)

    /// Walks one entry along the chain (the authority's revisions) and settles what it can
    /// without the signature's arithmetic.
    private mutating func next(_ entry: AuditEntry, line: Data?) -> Step {
        defer {
            if let change = entry.documents?.first(where: { $0.document == AuthorityDocument.name }) { authorityRevision = change.revision }
        }
        let before = authorityRevision
        let writesAuthority = entry.documents?.first { $0.document == AuthorityDocument.name }
        guard before > 0 || writesAuthority != nil else { return .settled(nil) }  // before set-up nothing is signed
        guard let authority else { return .settled("entry \(entry.sequence) comes after accounts were set up, but authority.json cannot be read") }
        guard let signer = entry.signer, let signatureText = entry.signature else {
            let onlyThrottle = !(entry.documents ?? []).isEmpty && (entry.documents ?? []).allSatisfy { $0.document == ThrottleDocument.name }
            return .settled(onlyThrottle ? nil : "entry \(entry.sequence) (\(entry.action)) is not signed: it was not written by esafety for a signed-in person")
        }
        let key: Data?
        if signer == "root" {
            key = authority.rootPublicKey
        } else {
            // The entry that commits a statement is signed by its issuer, named in the one before
            // (or, for a records-key rotation by a holder, there too).
            key = authority.statement(afterRevision: before)?.account(signer)?.signingKey
        }
        guard let key, let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else {
            return .settled("entry \(entry.sequence) is signed by \(signer), whom the signed authority did not name then")
        }
        guard let signature = Data(base64Encoded: signatureText) else {
            return .settled("entry \(entry.sequence)'s signature is not \(signer)'s: the entry was changed, or written by hand")
        }
        var problemIfValid: String?
        if let revision = writesAuthority?.revision, revision != before + 1 || authority.statement(afterRevision: revision) == nil {
            problemIfValid = "entry \(entry.sequence) writes revision \(revision) of authority.json, which holds no such statement"
        }
        return .signature(PendingSignature(entry: entry, line: line, signer: signer, key: publicKey, signature: signature,
                                           problemIfValid: problemIfValid))
    }
}

extension Workspace {
    /// Every audit entry's signature proven against the signed authority, and the authority's
    /// own chain, for `esafety check`. Empty when all is well (or before set-up). Given the
    /// report of ``Store/checkReport()``, the signatures proven are those of the lines it read.
    public func checkSignatures(of report: StoreCheckReport? = nil) -> [StoreProblem] {
        guard let accounts = try? accounts(), accounts.isSetUp else { return [] }
        var problems: [StoreProblem] = []
        if let problem = accounts.authorityProblem {
            problems.append(StoreProblem(file: AuthorityDocument.name + ".json", problem: problem.reason + " (statement \(problem.statement))"))
        }
        guard let entries = report?.auditLines ?? (try? store.auditEntriesWithLines()) else { return problems }  // check names the log itself
        var verifier = AuditSignatureVerifier(authority: accounts.authority, revisionBefore: 0)
        problems += verifier.verifyAll(entries).map { StoreProblem(file: StoreAuditLog.fileName, problem: $0) }
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
