import ESafetyCore
import TerminalUI

/// Choosing which response chart to walk: the default, the built-in "Sharing nudes and
/// semi-nudes" and "Staff as victims", and any chart the school placed in its store's
/// `flowcharts/` folder. A chart that fails its check is listed with its problems and cannot be
/// chosen. An incident keeps every walk, of whichever charts.
@MainActor
enum FlowchartChooser {
    /// Home › Response flowchart › Walk another chart: the chart, then the open incident.
    static func chooseChart(context: AppContext, log: IncidentLog) -> ScreenResponse {
        let entries = context.workspace.flowchartCatalog()
        return .push(PickerScreen(title: "Choose a chart", helpText: context.help("flowchart-pick"), items: entries, row: { entry in
            "\(entry.title) (\(entry.id), v\(entry.version.map(String.init) ?? "?"), \(entry.origin.rawValue))" + (entry.isSound ? "" : ": NOT SOUND, \(entry.verdict)")
        }) { entry in
            guard entry.isSound else { return .message("\(entry.id) cannot be walked: \(entry.verdict)", .error) }
            return chooseIncident(context: context, log: log, chartID: entry.id)
        })
    }

    private static func chooseIncident(context: AppContext, log: IncidentLog, chartID: String) -> ScreenResponse {
        let open = log.openIncidents
        guard !open.isEmpty else { return .message("There is no open incident to walk it for: record one first.", .info) }
        let form = log.form
        return .push(PickerScreen(title: "Choose an incident", helpText: context.help("flowchart-pick"), items: open, row: { record in
            "\(record.id)  \(record.date(in: context.workspace.timeZone))  \(record.typeLabels(form).joined(separator: ", "))"
        }) { record in
            do {
                let walker = try context.workspace.startWalk(chartID: chartID)
                return .push(FlowchartWalkScreen(context: context, log: log, incidentID: record.id, walker: walker))
            } catch {
                return .message(String(describing: error), .error)
            }
        })
    }
}
