/// Where an incident is in its life. A draft is not a record yet; an open incident is being
/// dealt with; closing needs an outcome, "no further action" needs a reason.
public enum IncidentStatus: String, Codable, Sendable, CaseIterable {
    case open
    case closed
    case noFurtherAction

    public var label: String {
        switch self {
        case .open: return "open"
        case .closed: return "closed"
        case .noFurtherAction: return "no further action"
        }
    }
}
