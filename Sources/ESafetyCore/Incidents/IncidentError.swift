/// A change to an incident that the rules refuse, worded for the person at the terminal.
public enum IncidentError: Error, Equatable, CustomStringConvertible {
    case incomplete([String])
    case unknownIncident(String)
    case outcomeRequired
    case reasonRequired(String)
    case alreadyInStatus(String)
    case unknownFollowUp(Int)
    case emptyFollowUp
    case draftNotFound

    public var description: String {
        switch self {
        case .incomplete(let problems): return "The report is not complete: " + problems.joined(separator: "; ") + "."
        case .unknownIncident(let id): return "There is no incident \(id)."
        case .outcomeRequired: return "Write the outcome of the incident or investigation before closing it."
        case .reasonRequired(let what): return "Give a reason \(what)."
        case .alreadyInStatus(let status): return "The incident is already \(status)."
        case .unknownFollowUp(let id): return "There is no follow-up action \(id) on this incident."
        case .emptyFollowUp: return "Say what the follow-up action is."
        case .draftNotFound: return "There is no unfinished report to continue."
        }
    }
}
