import CivilTime
import ESafetyCore
import TerminalUI

/// The home dashboard's warning, for everyone, when documents of the store do not match the
/// audit log (changed, put back or deleted outside esafety): the app's own look when it opens.
/// esafety will not save over them; an administrator runs `esafety check` and restores them.
@MainActor
struct StoreProofDashboardSection: DashboardSection {
    let title = "The store"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        let problems = context.workspace.documentProblems
        guard !problems.isEmpty else { return [] }
        let count = problems.count == 1 ? "1 file does not" : "\(problems.count) files do not"
        var lines = [DashboardLine("\(count) match the audit log: ask an administrator to run esafety check", style: .error) {
            .message("esafety will not save over these files: esafety check names them, esafety restore puts them back.", .warning)
        }]
        for problem in problems.prefix(3) {
            lines.append(DashboardLine("  \(problem.file): \(problem.problem)", style: .warning) { .message(problem.description, .warning) })
        }
        return lines
    }
}
