import ESafetyCore
import Foundation
import TerminalUI

/// The incidents area: record an incident, the log, a person's chronology, governors' figures;
/// for leads the statutory steps: file transfers, records past retention, subject access requests.
@MainActor
enum IncidentsMenu: AreaEntry {
    static func open(context: AppContext) -> ScreenResponse {
        let log: IncidentLog
        do { log = try context.workspace.incidents() } catch { return .message(String(describing: error), .error) }
        let workspace = context.workspace
        var entries: [MenuScreen.Entry] = []
        if workspace.can(.recordIncident) {
            entries.append(.init(title: "Record an incident", detail: "the e-safety incident report form, step by step") { recordIncident(context: context, log: log) })
        }
        if workspace.can(.readIncidents) {
            entries.append(.init(title: "Incident log", detail: "every incident, newest first; filter and search") { .push(IncidentLogScreen(context: context, log: log)) })
            entries.append(.init(title: "Chronology for a person", detail: "every incident involving them, in date order") { chronology(context: context, log: log) })
        }
        if workspace.can(.recordIncident) {
            entries.append(.init(title: "My reports", detail: "the incidents you recorded: references and dates") { .push(MyReportsScreen(context: context)) })
        }
        if workspace.can(.viewFigures) {
            entries.append(.init(title: "Governors' figures", detail: "counts by type and by term, without names") { .push(FiguresScreen(context: context, log: log)) })
        }
        if workspace.can(.transferRecords) {
            entries.append(.init(title: "Child-protection file transfers", detail: "send a leaving pupil's file, receive one, confirm receipt") { .push(TransfersScreen(context: context)) })
        }
        if workspace.can(.destroyRecords) {
            entries.append(.init(title: "Records past retention", detail: "incidents whose pupils are over 25 (DOB + 25): destroy with a reason") { .push(RetentionScreen(context: context)) })
        }
        if workspace.can(.answerSubjectAccess) {
            entries.append(.init(title: "Subject access requests", detail: "requests with their due dates; record one, mark one answered") { .push(SubjectAccessScreen(context: context)) })
        }
        guard !entries.isEmpty else { return .message("Your account has nothing to do with incidents here.", .info) }
        let menu = MenuScreen(title: "Incidents", helpText: context.help(workspace.can(.readIncidents) ? "incidents" : "incidents-staff"), entries: entries)
        guard workspace.can(.readIncidents) else { return .sequence([.push(menu), .message(onlyLeadsMessage(context: context), .info)]) }
        return .push(menu)
    }

    /// Starts the form, first offering back an unfinished report if there is one.
    static func recordIncident(context: AppContext, log: IncidentLog) -> ScreenResponse {
        let draft: IncidentDraft?
        do { draft = try log.draft() } catch { return .message("The unfinished report cannot be read: \(error)", .error) }
        guard let draft else {
            return .push(IncidentFormScreen(context: context, log: log, mode: .new(startedAt: Date()), report: IncidentReport()))
        }
        let started = AuditFormatting.timestamp(draft.startedAt)
        return .confirm(Confirmation(
            title: "Unfinished report", message: "You have an unfinished incident report, started \(started). Continue it? (No starts a new one and throws the old one away.)",
            confirmLabel: "Continue", cancelLabel: "Start new",
            onConfirm: {
                .push(IncidentFormScreen(context: context, log: log, mode: .new(startedAt: draft.startedAt), report: draft.report, step: draft.step))
            }, declined: {
                try? log.discardDraft()
                return .push(IncidentFormScreen(context: context, log: log, mode: .new(startedAt: Date()), report: IncidentReport()))
            }))
    }

    static func chronology(context: AppContext, log: IncidentLog) -> ScreenResponse {
        var names: [String: String?] = [:]
        for incident in log.summaries { for party in incident.involved { names[party.name] = party.personID } }
        let sorted = TextSearch.sortedByName(Array(names.keys), name: { $0 })
        return .push(PickerScreen(title: "Chronology: choose a person", helpText: context.help("pick-person"), items: sorted, row: { $0 }) { name in
            .push(ChronologyScreen(context: context, log: log, name: name, personID: names[name] ?? nil))
        })
    }
}
