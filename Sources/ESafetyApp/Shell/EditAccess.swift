import ESafetyCore
import TerminalUI

/// Whether the person signed in may change what a screen shows, decided once when the screen
/// opens, from the same permission the core checks at F2. A screen they may not change opens
/// read-only and says so with ``notice``, and offers no action that would be refused.
@MainActor
struct EditAccess {
    let permission: Permission
    /// What the screen changes, for the notice: "the school profile".
    let what: String
    let mayEdit: Bool

    init(_ permission: Permission, what: String, context: AppContext) {
        self.permission = permission
        self.what = what
        mayEdit = context.workspace.can(permission)
    }

    /// "Read-only: only an administrator may change the school profile."; nil when they may.
    var notice: String? { mayEdit ? nil : "Read-only: only \(permission.whoMay) may change \(what)." }

    /// The actions to offer: `actions` when they may change things, none of them otherwise.
    func offering<Offered>(_ actions: [Offered]) -> [Offered] { mayEdit ? actions : [] }

    /// What a key that would change something answers when they may not: the notice.
    var refusal: ScreenResponse { .message(notice ?? "", .info) }

    /// The role directory's screens: the leads and the head teacher change it.
    static func directory(_ context: AppContext) -> EditAccess { EditAccess(.editDirectory, what: "the directory", context: context) }
}

extension Permission {
    /// Who holds this permission, for read-only notices: "an administrator".
    var whoMay: String {
        switch self {
        case .manageUsers, .editSettings: return "an administrator"
        case .readIncidents, .manageIncidents, .walkFlowchart, .exportIncidents, .manageReviews, .editDirectory, .publishAUP,
             .transferRecords, .answerSubjectAccess, .destroyRecords:
            return "the leads and the head teacher"
        case .viewFigures: return "the leads, the head teacher and governors"
        case .recordIncident, .recordSignatures, .readDirectory, .readReviews, .readConsent, .recordConsent, .requestUnblock:
            return "members of staff"
        case .manageFiltering: return "the leads and the head teacher"
        case .decideUnblock: return "the head teacher"
        }
    }
}
