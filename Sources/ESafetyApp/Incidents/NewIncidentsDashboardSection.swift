import CivilTime
import ESafetyCore
import TerminalUI

/// "New since you last signed in", first on the dashboard of every lead and of the head
/// teacher: each incident they may open and have not opened yet (id, when, recorded by whom,
/// type). A line stays until that person opens the incident.
@MainActor
struct NewIncidentsDashboardSection: DashboardSection {
    let title = "New since you last signed in"
    let shortTitle = "New"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        guard context.workspace.can(.readIncidents) else { return [] }
        let new: [NewIncident]
        do { new = try context.workspace.attention.newIncidents() } catch {
            return [DashboardLine("New incidents cannot be worked out: \(error)", style: .error) { .message(String(describing: error), .error) }]
        }
        guard let log = try? context.workspace.incidents() else { return [] }
        return new.map { incident in
            let when = AuditFormatting.timestamp(incident.recordedAt, timeZone: context.workspace.timeZone)
            let by = incident.recordedBy.isEmpty ? "" : " by \(incident.recordedBy)"
            let types = incident.types.isEmpty ? "" : ": " + incident.types.joined(separator: "; ")
            return DashboardLine("\(incident.id) \(when)\(by)\(types)", style: .warning) {
                .push(IncidentScreen(context: context, log: log, id: incident.id))
            }
        }
    }

    func openArea(context: AppContext) -> ScreenResponse { .handled }
}

/// E-mail alerts that could not be sent in the last week: for administrators and leads every
/// one, for the person who recorded the incident their own. Sending never blocks a save, so
/// this is where a failure shows.
@MainActor
struct AlertsDashboardSection: DashboardSection {
    let title = "E-mail alerts"
    let shortTitle = "Alerts not sent"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        guard let failed = try? context.workspace.attention.failedAlerts() else { return [] }
        return failed.map { alert in
            let when = AuditFormatting.timestamp(alert.at, timeZone: context.workspace.timeZone)
            let about = alert.incidentID.map { " for \($0)" } ?? ""
            return DashboardLine("Not sent\(about) at \(when): \(alert.problem)", style: .error) {
                .message("The e-mail alert\(about) was not sent: \(alert.problem). The record itself was saved; tell the lead in person.", .error)
            }
        }
    }
}
