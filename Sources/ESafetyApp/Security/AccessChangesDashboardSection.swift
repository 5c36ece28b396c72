import CivilTime
import ESafetyCore
import TerminalUI

/// The head teacher's (and administrators') dashboard lines for every change of accounts and
/// access in the last 30 days: each a signed statement, said in words with who signed it, so a
/// change nobody expected is seen at once. Also names directory roles no signed act gave.
/// The first day's statements (setting the store up and adding its first accounts) are not
/// changes: they are listed on the Users screen and in the audit log, not here.
@MainActor
struct AccessChangesDashboardSection: DashboardSection {
    let title = "Access changes"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        let workspace = context.workspace
        guard let session = workspace.session, session.isAdministrator || session.level == .headTeacher,
              let accounts = try? workspace.accounts(), let authority = accounts.authority else { return [] }
        var lines: [DashboardLine] = []
        for problem in workspace.accessNotGivenBySignedActsForDashboard() {
            lines.append(DashboardLine(problem, style: .error) { .message(problem, .warning) })
        }
        let setUpDayEnds = (authority.statements.first?.issuedAt ?? .distantPast).addingTimeInterval(86_400)
        let since = max(workspace.now().addingTimeInterval(-30 * 86_400), setUpDayEnds)
        for statement in authority.statements.reversed() where statement.number > 1 && statement.issuedAt >= since {
            let by = statement.issuedBy == "root" ? "the recovery key" : (authority.current.account(statement.issuedBy)?.name ?? statement.issuedBy)
            let text = "\(AuditFormatting.shortTimestamp(statement.issuedAt, now: workspace.now())) \(statement.summary) (signed by \(by))"
            lines.append(DashboardLine(text) { .message(text, .info) })
        }
        return lines
    }

    func openArea(context: AppContext) -> ScreenResponse { .push(UsersScreen.screen(context: context)) }
}
