/// A refusal by the rules of who may see and do what, or a failed sign-in.
public enum AccessError: Error, Equatable, CustomStringConvertible {
    case notAllowed(Permission, AccessLevel)
    case notSignedIn
    case restrictedIncident(String)
    case wrongPassphrase(remainingBeforeDelay: Int)
    case tooSoon(secondsToWait: Int)
    case unknownUser(String)
    case alreadySetUp
    case notSetUp
    case passphraseTooShort(minimum: Int)
    case passphrasesDiffer
    case noRecordsKey
    case badRecoveryKey
    case damagedKey(String)
    case authorityDamaged(String)
    case accountNotAuthorised(String)
    case needsAnotherAdministrator(String)
    case notAnAdministrator
    case securityDocumentNotRestored(String)
    case accountRemoved(String)
    case keysWithoutAuthority

    public var description: String {
        switch self {
        case .notAllowed(let permission, let level):
            return "As \(level.label) you may not \(permission.refusal)."
        case .notSignedIn:
            return "Sign in first: this store has accounts, and changes are recorded under the name of the person signed in."
        case .restrictedIncident(let id):
            return "Incident \(id) is an allegation against a member of staff: only the head teacher (and the e-safety lead, unless they are the subject) may open it."
        case .wrongPassphrase(let remaining):
            return remaining > 0 ? "Wrong passphrase: \(remaining) more tries before sign-in slows down."
                                 : "Wrong passphrase: each further try must now wait longer."
        case .tooSoon(let seconds):
            return "Too many wrong passphrases: wait \(seconds) second\(seconds == 1 ? "" : "s") before trying again."
        case .unknownUser(let name): return "\(name) has no account on this terminal. An administrator can add one."
        case .alreadySetUp: return "This store already has users."
        case .keysWithoutAuthority:
            return "This store has accounts or keys (users.json, keys.json) but no signed authority (authority.json): they were made by an "
                + "earlier esafety, or authority.json was removed. Setting up again would lock its sealed incidents away, so it is refused. "
                + "Restore authority.json from a copy of the folder, or open the store with the esafety that made it."
        case .notSetUp: return "Nobody has been set up to sign in yet."
        case .passphraseTooShort(let minimum): return "Use a passphrase of at least \(minimum) characters: a few words are easier to remember than a password."
        case .passphrasesDiffer: return "The two passphrases are not the same."
        case .noRecordsKey: return "Your account has not been given the key to incident records yet: a lead signing in gives it."
        case .badRecoveryKey: return "That recovery key does not open this store's records."
        case .damagedKey(let file): return "The key file \(file) is damaged; restore it from a backup."
        case .authorityDamaged(let problem):
            return "The signed authority cannot be trusted (\(problem)), so nobody is given access. Ask an administrator: esafety check names "
                + "the problem, and the recovery key can put it right."
        case .accountNotAuthorised(let name):
            return "\(name)'s keys in users.json are not the ones the signed authority names: the file was changed outside esafety. "
                + "Ask an administrator to run esafety check."
        case .needsAnotherAdministrator(let what):
            return "Another administrator must \(what): nobody may give themselves access or take it from its only holder."
        case .securityDocumentNotRestored(let file):
            return "\(file) holds accounts and keys, which are never restored from a backup: that could bring back a removed account or an "
                + "older key. Accounts change only by an administrator's signed act (Settings › Users); a lost passphrase, by the recovery key."
        case .accountRemoved(let name):
            return "\(name) no longer has an account (an administrator removed it, or changed its keys, at another terminal): nothing "
                + "was saved. Sign out; what you were typing is still on the screen to copy."
        case .notAnAdministrator:
            return "Only an administrator may change accounts and access, and their key signs each change."
        }
    }
}
