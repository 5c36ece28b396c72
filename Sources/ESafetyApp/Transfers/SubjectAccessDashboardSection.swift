import CivilTime
import ESafetyCore
import TerminalUI

/// The leads' dashboard lines for subject access requests not answered yet, soonest due first
/// (UK GDPR: one calendar month from receipt).
@MainActor
struct SubjectAccessDashboardSection: DashboardSection {
    let title = "Subject access requests"
    let shortTitle = "Subject access"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        context.workspace.openSubjectAccessRequests().map { request in
            let when = request.dueOn < today ? "OVERDUE since \(request.dueOn)" : "due \(request.dueOn)"
            let text = "\(request.id) \(when): \(request.subject), asked by \(request.requestedBy)"
            return DashboardLine(text, style: request.dueOn < today ? .error : .warning) {
                .message("\(text). Export it with `esafety sar \(request.subject) -o FILE`; mark it with `esafety sar done \(request.id)`.", .info)
            }
        }
    }
}
