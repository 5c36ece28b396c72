import Foundation

/// Who has seen what: opening an incident is an audit event ("incident.open"), and the
/// incidents a lead or the head teacher has not opened yet are worked out from the audit log.
///
/// "Not yet opened", for the person signed in, is: an incident they may open, recorded after
/// their account was made (incidents from before they could sign in are not news to them),
/// not recorded by themselves, and with no "incident.open" event of theirs. There is no other
/// per-person state. The query is ``newIncidents()`` alone, so a faster source (an index of
/// the log) can replace the scan of the log later without changing its callers.
public final class IncidentAttention {
    private unowned let workspace: Workspace
    /// Rises by one after every event this session records here, so values derived from the
    /// audit log (the home dashboard) know to look again: an event changes no document, so
    /// `Store.changeCount` does not rise.
    public private(set) var revision = 0

    init(workspace: Workspace) { self.workspace = workspace }

    /// Opens an incident for reading, as `IncidentLog.loadRecord(_:)` does, and records the
    /// opening in the audit log. Nil when it is not one the session may read.
    /// - Throws: a `StoreError` if the file cannot be read, or if the opening cannot be
    ///   recorded (a read-only store): an incident is not shown unrecorded.
    public func open(_ id: String) throws -> IncidentRecord? {
        let log = try workspace.incidents()
        guard let record = try log.loadRecord(id) else { return nil }
        try workspace.store.recordEvent(actor: workspace.actor, action: Self.openAction, recordID: id,
                                        summary: "Opened incident \(id)")
        revision += 1
        return record
    }

    /// Records that an e-mail alert could not be sent, so the dashboards show it.
    public func recordFailedAlert(incidentID: String?, problem: String) throws {
        try workspace.store.recordEvent(actor: workspace.actor, action: Self.alertFailedAction, recordID: incidentID,
                                        summary: "The e-mail alert could not be sent: \(problem)")
        revision += 1
    }

    static let openAction = "incident.open"
    static let submitAction = "incident.submit"
    static let alertFailedAction = "alert.failed"

    /// Every incident the person signed in may open and has not opened yet, newest first.
    /// Empty for someone who may not read incidents.
    /// - Throws: a `StoreError` naming the audit log or an incident file that cannot be read.
    public func newIncidents() throws -> [NewIncident] {
        guard let session = workspace.session, workspace.can(.readIncidents) else { return [] }
        let log = try workspace.incidents()
        let me = session.actor.id
        // Records keep whole seconds: an incident recorded in the second the account was made counts.
        let created = try workspace.accounts().account(session.personID)?.createdAt
        let since = created.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) } ?? .distantPast
        var opened: Set<String> = []
        var recorder: [String: AuditActor] = [:]
        for entry in try workspace.store.auditEntries() {
            guard let id = entry.recordID else { continue }
            if entry.action == Self.openAction && entry.actor.id == me { opened.insert(id) }
            if entry.action == Self.submitAction { recorder[id] = entry.actor }
        }
        return log.summaries.compactMap { summary in
            guard summary.recordedAt >= since, !opened.contains(summary.id), recorder[summary.id]?.id != me else { return nil }
            return NewIncident(id: summary.id, recordedAt: summary.recordedAt, recordedBy: recorder[summary.id]?.name ?? "",
                               types: summary.typeLabels(log.form))
        }
    }

    /// E-mail alerts that failed in the last `days` days, newest first: for administrators and
    /// those who read incidents every failure; for anyone else the ones they caused.
    public func failedAlerts(days: Int = 7) throws -> [FailedAlert] {
        guard let session = workspace.session else { return [] }
        let everyone = session.isAdministrator || workspace.can(.readIncidents)
        let cutoff = workspace.now().addingTimeInterval(-Double(days) * 86_400)
        let prefix = "The e-mail alert could not be sent: "
        return try workspace.store.auditEntries().reversed().compactMap { entry in
            guard entry.action == Self.alertFailedAction, entry.at >= cutoff, everyone || entry.actor.id == session.actor.id else { return nil }
            let problem = entry.summary.hasPrefix(prefix) ? String(entry.summary.dropFirst(prefix.count)) : entry.summary
            return FailedAlert(incidentID: entry.recordID, at: entry.at, problem: problem)
        }
    }

    /// The incidents the person signed in recorded themselves, newest first: reference and
    /// date only ("My reports"), from the audit log, so a reporter who cannot read incidents
    /// can still find their references.
    public func myReports() throws -> [(id: String, recordedAt: Date)] {
        guard let session = workspace.session else { return [] }
        return try workspace.store.auditEntries().reversed().compactMap { entry in
            guard entry.action == Self.submitAction, entry.actor.id == session.actor.id, let id = entry.recordID else { return nil }
            return (id: id, recordedAt: entry.at)
        }
    }
}
