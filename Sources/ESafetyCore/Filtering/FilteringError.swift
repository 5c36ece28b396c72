import CivilTime

/// A change to the filtering records that the rules refuse, in words for the person at the terminal.
public enum FilteringError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case noCategories
    case inTheFuture(CivilDate)
    case unknownRequest(String)
    case alreadyDecided(String, String)
    case notLoaded(String)

    public var description: String {
        switch self {
        case .missing(let what): return "Say \(what)."
        case .noCategories: return "Say what was tested: at least one category (illegal, adult, self-harm, extremism, gambling, …)."
        case .inTheFuture(let date): return "\(date) is in the future: record it on or after the day."
        case .unknownRequest(let id): return "There is no unblock request \(id)."
        case .alreadyDecided(let id, let state): return "Unblock request \(id) is already \(state); a new request is needed to change it."
        case .notLoaded(let problem): return "The filtering records cannot be read, so nothing was changed: \(problem)"
        }
    }
}
