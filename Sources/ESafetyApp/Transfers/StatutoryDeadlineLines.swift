import CivilTime
import ESafetyCore
import TerminalUI

/// The leads' statutory deadlines, shown among the dashboard's incident lines (so they need no
/// section of their own at 80x24): child-protection files sent without a receipt past their due
/// date (KCSIE: 5 school days), and subject access requests not answered yet (UK GDPR: a month).
@MainActor
enum StatutoryDeadlineLines {
    static func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        let workspace = context.workspace
        let transfers = workspace.overdueTransfers().map { transfer in
            let due = transfer.dueOn.map { " (due \($0))" } ?? ""
            return DashboardLine("No receipt: \(transfer.pupilName)'s file to \(transfer.otherSchool)\(due)", style: .warning) {
                .push(TransfersScreen(context: context))
            }
        }
        let requests = workspace.openSubjectAccessRequests().map { request in
            let overdue = request.isOverdue(today: today)
            let when = overdue ? "OVERDUE since \(request.dueOn)" : "due \(request.dueOn)"
            let text = "\(request.id) \(when): subject access for \(request.subject), asked by \(request.requestedBy)"
            return DashboardLine(text, style: overdue ? .error : .warning) {
                .message("\(text). Export it with `esafety sar \(request.subject) -o FILE`; "
                         + "mark it answered with `esafety sar done \(request.id)`.", .info)
            }
        }
        return transfers + requests
    }
}
