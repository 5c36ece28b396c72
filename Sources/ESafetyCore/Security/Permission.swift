/// Something the rules of the shared terminal allow to some people and not others.
public enum Permission: String, Sendable, CaseIterable {
    case recordIncident
    case readIncidents
    case manageIncidents
    case walkFlowchart
    case exportIncidents
    case viewFigures
    case readDirectory
    case editDirectory
    case recordSignatures
    case readReviews
    case manageReviews
    case manageUsers
    case editSettings
    case publishAUP
    /// Send and receive child-protection files, and record receipts (KCSIE).
    case transferRecords
    /// Record and answer subject access requests (UK GDPR article 15).
    case answerSubjectAccess
    /// Destroy a record past its retention period (IRMS toolkit).
    case destroyRecords
    case readConsent
    case recordConsent
    case manageFiltering
    case requestUnblock
    case decideUnblock

    /// Why it is refused, for the message.
    var refusal: String {
        switch self {
        case .recordIncident: return "record incidents"
        case .readIncidents: return "read incidents other people recorded"
        case .manageIncidents: return "change incidents"
        case .walkFlowchart: return "walk the response flowchart"
        case .exportIncidents: return "export or print incident reports"
        case .viewFigures: return "see the governors' figures"
        case .readDirectory: return "read the role directory"
        case .editDirectory: return "change the role directory"
        case .recordSignatures: return "record AUP signatures"
        case .readReviews: return "read the review schedule"
        case .manageReviews: return "mark reviews done"
        case .manageUsers: return "manage users"
        case .editSettings: return "change the settings"
        case .publishAUP: return "publish a new AUP text"
        case .transferRecords: return "send or receive child-protection files"
        case .answerSubjectAccess: return "record or answer subject access requests"
        case .destroyRecords: return "destroy records past retention"
        case .readConsent: return "read the image consent register"
        case .recordConsent: return "record image consent"
        case .manageFiltering: return "read or record filtering and monitoring checks and reviews"
        case .requestUnblock: return "ask for a site to be unblocked"
        case .decideUnblock: return "decide unblock requests (only the head teacher may)"
        }
    }
}

extension AccessLevel {
    /// What each level may do. Administrators may also manage users and settings.
    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .recordIncident, .recordSignatures, .readDirectory, .readReviews:
            return self != .governor || permission == .readDirectory || permission == .readReviews
        case .viewFigures:
            return self != .staff
        case .readIncidents, .manageIncidents, .walkFlowchart, .exportIncidents, .manageReviews, .editDirectory, .publishAUP,
             .transferRecords, .answerSubjectAccess, .destroyRecords:
            return self >= .lead
        case .manageUsers, .editSettings:
            return false
        case .readConsent, .recordConsent, .requestUnblock:
            return self != .governor
        case .manageFiltering:
            return self >= .lead
        case .decideUnblock:
            return self == .headTeacher  // St Paul's: removals from the filtered list are approved by the Headteacher
        }
    }
}
