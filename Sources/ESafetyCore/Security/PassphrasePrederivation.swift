import Foundation
import Synchronization

/// A sign-in's scrypt begun on the other core while the store opens: on the command line the
/// passphrase (`ESAFETY_PASSPHRASE`) and the person are known before the store is, and opening
/// the store (its ledger, its documents' proofs) uses one core for about as long as scrypt takes.
///
/// It reads `users.json` (and `directory.json`, for a name) as they are, unproven, only to learn
/// the account's salt and cost. ``PassphraseKey`` takes the result only for the very passphrase,
/// salt, cost and block size it would derive from the proven `users.json`, and derives afresh
/// otherwise. It grants nothing: the derived key is still checked against the proven verifier,
/// after the sign-in's throttle, as every sign-in's is.
public enum PassphrasePrederivation {
    /// What scrypt derives from: a result is taken only for exactly these.
    struct Inputs: Equatable, Sendable {
        var passphrase: String
        var salt: Data
        var costLog2: Int
        var blockSize: Int
    }

    /// A derivation under way, or done.
    private final class Derivation: Sendable {
        let inputs: Inputs
        let done = DispatchSemaphore(value: 0)
        /// scrypt's 64 bytes (``PassphraseKey/scrypt(_:)``), once done; nil if it failed.
        let result = Mutex<Data?>(nil)
        init(_ inputs: Inputs) { self.inputs = inputs }
    }

    private static let begun = Mutex<[Derivation]>([])

    /// Begins deriving `passphrase` for the account of `user` (an id or a full name, as the
    /// sign-in takes it) in the store at `storePath`, on a thread of its own; does nothing more
    /// if the account cannot be found that way (the sign-in then derives as usual).
    public static func begin(storePath: String, user: String, passphrase: String) {
        Thread.detachNewThread { derive(storePath: storePath, user: user, passphrase: passphrase) }
    }

    /// ``begin(storePath:user:passphrase:)``'s work, on the calling thread: false if the account
    /// was not found.
    @discardableResult
    static func derive(storePath: String, user: String, passphrase: String) -> Bool {
        // Only the costs esafety itself sets (15, or 10 to 20 for tests): a hand-edited file must
        // not start a stretch of gigabytes on every sign-in before anything is proven.
        guard let key = passphraseKey(storePath: storePath, user: user), (10...20).contains(key.costLog2), key.blockSize == 8 else {
            return false
        }
        let derivation = Derivation(Inputs(passphrase: passphrase, salt: key.salt, costLog2: key.costLog2, blockSize: key.blockSize))
        begun.withLock { $0.append(derivation) }
        let result = try? PassphraseKey.scrypt(derivation.inputs)
        derivation.result.withLock { $0 = result }
        derivation.done.signal()
        return true
    }

    /// How many derivations are begun and not yet taken.
    static var untaken: Int { begun.withLock { $0.count } }

    /// The result of a derivation begun for exactly `inputs` (waiting for it to finish), taken
    /// once; nil if none was begun for them, or it failed.
    static func take(_ inputs: Inputs) -> Data? {
        let found = begun.withLock { list -> Derivation? in
            guard let index = list.firstIndex(where: { $0.inputs == inputs }) else { return nil }
            return list.remove(at: index)
        }
        guard let found else { return nil }
        found.done.wait()
        return found.result.withLock { $0 }
    }

    /// The passphrase key of `user`'s account, as the files say before anything is proven.
    private static func passphraseKey(storePath: String, user: String) -> PassphraseKey? {
        func read(_ name: String) -> Data? {
            (try? StoreFileIO.readFile((storePath as NSString).appendingPathComponent(name)))??.data
        }
        guard let users = read(Accounts.usersDocument + ".json").flatMap({ try? JSONDecoder().decode(UsersFile.self, from: $0) }) else { return nil }
        if let account = users.users.first(where: { $0.personID == user }) { return account.passphrase }
        guard let data = read(DocumentName.directory + ".json"),
              let person = DirectoryDocument.fastDecode(data, validated: false)?.directory.personSigningIn(as: user) else { return nil }
        return users.users.first { $0.personID == person.id }?.passphrase
    }

    /// The members of `users.json` read here.
    private struct UsersFile: Decodable {
        struct User: Decodable {
            var personID: String
            var passphrase: PassphraseKey
        }
        var users: [User]
    }
}
