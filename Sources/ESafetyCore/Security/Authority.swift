import Crypto
import Foundation

/// `authority.json`: the store's root public key and every signed statement of authority since
/// set-up, oldest first (see ``AuthorityStatement``). Revision N of the document holds N
/// statements: statements are only ever added.
struct AuthorityDocument: Codable, Equatable {
    /// Ed25519 public key of the store's root: the anchor of every statement. Its fingerprint is
    /// what people write down at set-up and compare (``Authority/fingerprint``).
    var rootPublicKey: Data
    var statements: [AuthorityStatement]

    static let name = "authority"
}

/// Why a chain of statements is not to be trusted: the first statement that breaks a rule.
public struct AuthorityProblem: Error, Equatable, CustomStringConvertible {
    public var statement: Int
    public var reason: String
    public var description: String { "authority.json, statement \(statement): \(reason)" }
}

/// The verified chain of statements: every signature checked, every rule kept. Only an
/// `Authority` grants anything.
public struct Authority: Sendable, Equatable {
    public let rootPublicKey: Data
    public let statements: [AuthorityStatement]

    /// The statement in force now.
    public var current: AuthorityStatement { statements[statements.count - 1] }

    /// The statement in force after revision `revision` of `authority.json` (nil before set-up).
    public func statement(afterRevision revision: Int) -> AuthorityStatement? {
        revision >= 1 && revision <= statements.count ? statements[revision - 1] : nil
    }

    /// The root key's fingerprint as people copy it: the first 20 bytes of its SHA-256 in
    /// groups of four hex digits ("3f9a-0c21-…").
    public var fingerprint: String { Self.fingerprint(of: rootPublicKey) }

    public static func fingerprint(of key: Data) -> String {
        let hex = StoreAuditLog.hex(SHA256.hash(data: key).prefix(20))
        return stride(from: 0, to: hex.count, by: 4).map { start in
            let from = hex.index(hex.startIndex, offsetBy: start)
            return String(hex[from..<hex.index(from, offsetBy: 4)])
        }.joined(separator: "-")
    }

    /// Checks every statement of `document` and returns the chain, or the first problem.
    static func verify(_ document: AuthorityDocument) throws -> Authority {
        guard let root = try? Curve25519.Signing.PublicKey(rawRepresentation: document.rootPublicKey) else {
            throw AuthorityProblem(statement: 0, reason: "the root public key is not an Ed25519 key")
        }
        guard !document.statements.isEmpty else { throw AuthorityProblem(statement: 0, reason: "it holds no statement") }
        var previous: AuthorityStatement?
        for statement in document.statements {
            try check(statement, after: previous, root: root, rootKey: document.rootPublicKey)
            previous = statement
        }
        return Authority(rootPublicKey: document.rootPublicKey, statements: document.statements)
    }

    /// The rules for one statement following another (`previous` is nil for the first).
    static func check(_ statement: AuthorityStatement, after previous: AuthorityStatement?,
                      root: Curve25519.Signing.PublicKey, rootKey: Data) throws {
        let number = statement.number
        func refuse(_ reason: String) -> AuthorityProblem { AuthorityProblem(statement: number, reason: reason) }
        guard number == (previous?.number ?? 0) + 1 else { throw refuse("it is numbered \(number), out of turn") }
        let expected = try previous?.hash() ?? StoreAuditLog.hash(rootKey)
        guard statement.previousHash == expected else {
            throw refuse("it does not follow the statement before it (a statement was changed, removed or put in)")
        }
        // Who signed, and whether they might.
        if statement.issuedBy == "root" {
            guard statement.isSigned(by: root) else { throw refuse("its signature is not the root key's") }
        } else {
            guard let previous, let issuer = previous.account(statement.issuedBy),
                  issuer.administrator || issuer.access.contains(where: \.readsIncidents) else {
                throw refuse("it was issued by \(statement.issuedBy), who was not an administrator")
            }
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: issuer.signingKey), statement.isSigned(by: key) else {
                throw refuse("its signature is not \(issuer.name)'s")
            }
        }
        guard let previous else {
            guard statement.issuedBy == "root", !statement.administrators.isEmpty else {
                throw refuse("the first statement must be the root's, naming an administrator")
            }
            return
        }
        guard statement.recordsKey.generation >= previous.recordsKey.generation,
              statement.recordsKey.generation > previous.recordsKey.generation || statement.recordsKey.publicKey == previous.recordsKey.publicKey
        else { throw refuse("it changes the records key without a new generation") }
        guard statement.escrowKey == previous.escrowKey else { throw refuse("it replaces the escrow key") }
        guard statement.issuedBy != "root" else { return }  // the root (the recovery key) may put anything right
        // A records-key holder who is no administrator may only rotate the records key.
        if previous.account(statement.issuedBy)?.administrator != true {
            guard statement.accounts == previous.accounts, statement.recordsKey.generation == previous.recordsKey.generation + 1,
                  previous.account(statement.issuedBy)?.access.contains(where: \.readsIncidents) == true else {
                throw refuse("it was issued by \(statement.issuedBy), who was not an administrator")
            }
            return
        }
        guard !statement.administrators.isEmpty else { throw refuse("it leaves no administrator") }
        // Allegations against staff need a head teacher to go to: the last one's access is
        // replaced (another given it in the same act), not simply taken.
        if !previous.holders(of: .headTeacher).isEmpty && statement.holders(of: .headTeacher).isEmpty {
            throw refuse("it takes head teacher access from its only holder")
        }
        // Only the person (or the root, at a recovery) replaces a person's keys: an administrator
        // who could would be able to sign as them.
        for account in statement.accounts where account.personID != statement.issuedBy {
            if let before = previous.account(account.personID),
               account.signingKey != before.signingKey || account.agreementKey != before.agreementKey {
                throw refuse("it replaces \(account.name)'s keys, which only they (or the recovery key) may do")
            }
        }
        // Nobody gives himself access, where another administrator could do it.
        let otherAdministrators = previous.administrators.filter { $0.personID != statement.issuedBy }
        guard !otherAdministrators.isEmpty, let mine = statement.account(statement.issuedBy) else { return }
        let before = previous.account(statement.issuedBy)
        let gained = Set(mine.access).subtracting(before?.access ?? [])
        if !gained.isEmpty || mine.administrator && before?.administrator != true {
            throw refuse("\(mine.name) gave themselves \(gained.isEmpty ? "administrator" : gained.sorted().map(\.label).joined(separator: ", ")) "
                + "access; another administrator must do that")
        }
    }
}
