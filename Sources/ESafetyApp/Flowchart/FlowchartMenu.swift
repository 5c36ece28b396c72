import ESafetyCore
import Foundation
import TerminalUI

/// Home › Response flowchart: walk the chart for an open incident (or record one first), and the
/// outline of the whole chart.
@MainActor
enum FlowchartMenu: AreaEntry {
    static func open(context: AppContext) -> ScreenResponse {
        let log: IncidentLog
        do { log = try context.workspace.incidents() } catch { return .message(String(describing: error), .error) }
        // Only what the person may do is offered: someone who may not walk the chart (office
        // staff) is told why instead of being shown an empty list.
        guard context.workspace.can(.walkFlowchart) else {
            var entries: [MenuScreen.Entry] = []
            if context.workspace.can(.recordIncident) {
                entries.append(.init(title: "Record an incident", detail: "the leads then walk the chart for it") { IncidentsMenu.recordIncident(context: context, log: log) })
            }
            entries.append(.init(title: "Outline of the whole chart", detail: "every step of the chart, to read") { outline(context: context) })
            return .sequence([.push(MenuScreen(title: "Response flowchart", helpText: context.help("flowchart"), entries: entries)),
                              .message(IncidentsMenu.onlyLeadsMessage(context: context), .info)])
        }
        return .push(MenuScreen(title: "Response flowchart", helpText: context.help("flowchart"), entries: [
            .init(title: "Walk it for an open incident", detail: "kept with the incident") { pickIncident(context: context, log: log) },
            .init(title: "Record a new incident first", detail: "then walk it from 1") { IncidentsMenu.recordIncident(context: context, log: log) },
            .init(title: "Outline of the whole chart", detail: "every step of the chart") { outline(context: context) },
            .init(title: "Walk another chart", detail: "sharing nudes, staff as victims, the school's own") { FlowchartChooser.chooseChart(context: context, log: log) },
        ]))
    }

    static func pickIncident(context: AppContext, log: IncidentLog) -> ScreenResponse {
        let open = log.openIncidents
        let form = log.form
        return .push(PickerScreen(title: "Choose an incident", helpText: context.help("flowchart-pick"), items: open, row: { record in
            let types = record.typeLabels(form).joined(separator: ", ")
            let walked = record.walkCount == 0 ? "" : "  (walked \(record.walkCount)×)"
            return "\(record.id)  \(record.date(in: context.workspace.timeZone))  \(types)\(walked)"
        }, newLabel: "New incident", onNew: { IncidentsMenu.recordIncident(context: context, log: log) }) { record in
            FlowchartWalkScreen.start(context: context, log: log, incidentID: record.id)
        })
    }

    static func outline(context: AppContext) -> ScreenResponse {
        do {
            return .push(FlowchartOutlineScreen(context: context, chart: try context.workspace.responseFlowchart()))
        } catch {
            return .message(String(describing: error), .error)
        }
    }

    /// The walks of an incident: the only one's checklist, or a choice of them.
    static func checklists(context: AppContext, log: IncidentLog, incidentID: String) -> ScreenResponse {
        let walks = log.record(incidentID)?.walks ?? []
        guard let last = walks.last else { return .message("\(incidentID) has no flowchart walk yet: w walks it.", .info) }
        if walks.count == 1 { return .push(FlowchartChecklistScreen(context: context, log: log, incidentID: incidentID, walkID: last.id)) }
        return .push(PickerScreen(title: "Choose a walk", helpText: context.help("flowchart-checklist"), items: walks.reversed(), row: {
            "Walk \($0.id)  \(AuditFormatting.timestamp($0.walkedAt))  \($0.walkedBy.name): \($0.outcome)"
        }) { walk in .push(FlowchartChecklistScreen(context: context, log: log, incidentID: incidentID, walkID: walk.id)) })
    }
}
