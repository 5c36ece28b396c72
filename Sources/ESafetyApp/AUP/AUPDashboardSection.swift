import CivilTime
import ESafetyCore
import TerminalUI

/// The AUP area's part of the home dashboard: this school year's completion, and the group
/// furthest behind.
@MainActor
struct AUPDashboardSection: DashboardSection {
    let title = "AUP signatures"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        let register = context.workspace.aup
        let open: @MainActor () -> ScreenResponse = { AUPMenu.open(context: context) }
        do { try register.load() } catch { return [DashboardLine("AUP records cannot be read: \(error)", style: .error, open: open)] }
        let report = register.missingReport(today: today)
        guard let all = report.first, all.completion.due > 0 else {
            return [DashboardLine("Nobody on the AUP roster yet: import it from your MIS", style: .warning, open: open)]
        }
        var lines = [DashboardLine("\(SchoolYear(containing: today)): \(all.completion.summary)",
                                   style: all.completion.missing == 0 ? .success : .normal, open: open)]
        if let worst = report.filter({ $0.level == .group && $0.completion.missing > 0 }).min(by: { $0.completion.percent < $1.completion.percent }) {
            lines.append(DashboardLine("\(worst.label): \(worst.completion.missing) not signed (\(worst.completion.percent)%)", style: .warning, open: open))
        }
        return lines
    }
}
