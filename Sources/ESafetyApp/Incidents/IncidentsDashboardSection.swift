import CivilTime
import ESafetyCore
import TerminalUI

/// The home dashboard's incident lines: an unfinished report waiting, overdue follow-ups, files
/// sent without a receipt and subject access deadlines, and open incidents with how long they
/// have been open.
@MainActor
struct IncidentsDashboardSection: DashboardSection {
    let title = "Incidents"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        guard context.workspace.can(.readIncidents) || context.workspace.can(.recordIncident) else { return [] }
        guard let log = try? context.workspace.incidents() else {
            return [DashboardLine("Incidents cannot be read: open Incidents for the reason", style: .error) { IncidentsMenu.open(context: context) }]
        }
        var lines: [DashboardLine] = []
        if (try? log.draft()) != nil {
            lines.append(DashboardLine("Your unfinished incident report is waiting", style: .warning) {
                IncidentsMenu.recordIncident(context: context, log: log)
            })
        }
        if !context.workspace.can(.readIncidents), !((try? context.workspace.attention.myReports()) ?? []).isEmpty {
            lines.append(DashboardLine(IncidentsMenu.onlyLeadsMessage(context: context), style: .dim) { .push(MyReportsScreen(context: context)) })
        }
        // Deadlines set by law (KCSIE's 5 school days, UK GDPR's month) come before the school's own.
        lines += StatutoryDeadlineLines.lines(context: context, today: today)  // transfers and subject access (Transfers/)
        for (incident, action) in log.overdueFollowUps(today: today) {
            lines.append(DashboardLine("Overdue since \(action.due): \(incident.id) follow-up, \(action.ownerName)", style: .error) {
                .push(IncidentScreen(context: context, log: log, id: incident.id))
            })
        }
        for incident in log.openIncidents.sorted(by: { $0.recordedAt < $1.recordedAt }) {
            let recorded = CivilDate.today(at: incident.recordedAt, in: context.workspace.timeZone)
            let days = today.daysSinceEpoch - recorded.daysSinceEpoch
            lines.append(DashboardLine("\(incident.id) open for \(days) day\(days == 1 ? "" : "s")") {
                .push(IncidentScreen(context: context, log: log, id: incident.id))
            })
        }
        return lines
    }
}
