import CivilTime

/// A change to the AUP records that the rules refuse, in words for the person at the terminal.
public enum AUPError: Error, Equatable, CustomStringConvertible {
    case unknownPerson(String)
    case nameDoesNotMatch(typed: String)
    case noVersion(AUPKind)
    case sameText(AUPKind)
    case emptyText
    case emptyName
    case unknownClass(String)
    case signedInTheFuture(CivilDate)
    case noEndDate
    case endBeforeStart
    case noReason
    case alreadyVoided
    case unknownSignature
    case noneToTick(String)

    public var description: String {
        switch self {
        case .unknownPerson(let id): return "There is nobody with the id \(id) on the roster."
        case .nameDoesNotMatch(let typed): return "“\(typed)” is not the name on the record: the signer must type their full name as it is shown."
        case .noVersion(let kind): return "The \(kind.title) has no published text yet."
        case .sameText(let kind): return "That text is the same as the current \(kind.title); nothing was published."
        case .emptyText: return "The AUP text is empty; nothing was published."
        case .emptyName: return "A full name is needed."
        case .unknownClass(let name): return "There is no class \(name) in the class list (aup/classes.json)."
        case .signedInTheFuture(let date): return "\(date) is in the future: a signature cannot be dated after today."
        case .noEndDate: return "Guests and supply staff need an end date for their access."
        case .endBeforeStart: return "The end date is before the start date."
        case .noReason: return "Say why the signature is voided: the reason is kept in the history."
        case .alreadyVoided: return "That signature is already voided."
        case .unknownSignature: return "That signature is not in the register (another session may have changed it): open the history again."
        case .noneToTick(let name): return "Everyone in class \(name) has signed already: nothing to tick."
        }
    }
}
