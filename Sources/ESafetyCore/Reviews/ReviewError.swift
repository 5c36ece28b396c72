/// A change to the review schedule or the school calendar that was refused.
public enum ReviewError: Error, Equatable, CustomStringConvertible {
    case unknownItem(String)
    case doneInTheFuture(String)
    case missingDoneBy
    case badTermDates(String)
    case notLoaded(String)

    public var description: String {
        switch self {
        case .unknownItem(let id): return "There is no review item with id \(id)."
        case .doneInTheFuture(let date): return "The date done, \(date), is in the future: record it once it has happened."
        case .missingDoneBy: return "Say who did it."
        case .badTermDates(let reason): return "Those term dates cannot be used: \(reason)"
        case .notLoaded(let reason): return "The review schedule could not be read, so it cannot be changed: \(reason)"
        }
    }
}
