import ESafetyCore
import TerminalUI

extension ReviewDue {
    /// How the state looks on screen: overdue in the error colour, due soon as a warning.
    var style: Style {
        switch state {
        case .overdue: return .error
        case .dueSoon: return .warning
        case .later: return .normal
        case .optional: return .dim
        }
    }

    /// A short state for tables: "35 days overdue", "due in 3 days", "optional".
    var stateText: String {
        state == .optional ? "optional" : whenInWords
    }
}

extension Workspace {
    /// A role's name from the directory, or its id if the role has gone.
    func roleName(_ roleID: String) -> String { directory.role(roleID)?.name ?? roleID }
}
