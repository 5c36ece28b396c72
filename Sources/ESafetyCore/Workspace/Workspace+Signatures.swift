import Foundation

extension Workspace {
    /// Starts proving every audit entry this session reads or writes against the signed
    /// authority (those read when the store opened first). An entry not signed as esafety signs
    /// them breaks the log: nothing more is saved until an administrator has acknowledged it.
    func startProvingEntries(_ accounts: Accounts) {
        let name = AuthorityDocument.name
        let tail = store.openingTail
        let writes = tail.filter { entry in entry.documents?.contains { $0.document == name } ?? false }.count
        let box = VerifierBox(AuditSignatureVerifier(authority: accounts.authority,
                                                      revisionBefore: max(0, (store.ledger.state(of: name)?.revision ?? 0) - writes)))
        let path = store.directory.appendingPathComponent(name + ".json").path
        store.entryCheck = { entry, line in
            if entry.documents?.contains(where: { $0.document == name }) == true {
                // A new statement: read it as it is (every statement proves itself by its signature).
                if let contents = try? StoreFileIO.readFile(path),
                   let document = try? StoreJSON.makeDecoder().decode(AuthorityDocument.self, from: contents.data) {
                    box.verifier.update(try? Authority.verify(document))
                }
            }
            return box.verifier.verify(entry, line: line)
        }
        // The entries read at opening, proven over the cores (the authority read now names every
        // signer up to them); later ones, one by one as they arrive.
        for (entry, problem) in zip(tail, box.verifier.verifyEach(tail.map { ($0, nil) })) {
            if let problem { store.noteEntryProblem(entry, problem) }
        }
    }
}

/// The verifier, kept between the entries of one session.
final class VerifierBox {
    var verifier: AuditSignatureVerifier
    init(_ verifier: AuditSignatureVerifier) { self.verifier = verifier }
}
