import CivilTime
import ESafetyCore
import TerminalUI

/// The leads' dashboard lines for child-protection files sent whose receipt has not been
/// recorded by their due date (5 school days after sending, KCSIE).
@MainActor
struct TransfersDashboardSection: DashboardSection {
    let title = "Child-protection file transfers"
    let shortTitle = "Transfers"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        context.workspace.overdueTransfers().map { transfer in
            let late = transfer.dueOn.map { " (due \($0))" } ?? ""
            return DashboardLine("No receipt: \(transfer.pupilName)'s file to \(transfer.otherSchool)\(late)", style: .warning) {
                .push(TransfersScreen(context: context))
            }
        }
    }

    func openArea(context: AppContext) -> ScreenResponse { .push(TransfersScreen(context: context)) }
}
