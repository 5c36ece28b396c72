import Foundation

/// Who has seen what: opening an incident is an audit event ("incident.open", the access
/// log), and each person's openings and reports are kept in their `attention/<person>.json`
/// (see ``AttentionDocument``), written in the same commit as the event.
///
/// "Not yet opened", for the person signed in, is: an incident they may open, recorded after
/// their account was made (incidents from before they could sign in are not news to them),
/// not recorded by themselves, and not among their openings.
public final class IncidentAttention {
    private unowned let workspace: Workspace
    /// Rises by one after every event this session records here, so values derived from it
    /// (the home dashboard) know to look again.
    public private(set) var revision = 0

    init(workspace: Workspace) { self.workspace = workspace }

    /// Opens an incident for reading, as `IncidentLog.loadRecord(_:)` does, and records the
    /// opening in the audit log (and the person's attention document) in one commit. Nil when it
    /// is not one the session may read.
    /// - Throws: a `StoreError` if the file cannot be read, or if the opening cannot be
    ///   recorded (a read-only store): an incident is not shown unrecorded.
    public func open(_ id: String) throws -> IncidentRecord? {
        let log = try workspace.incidents()
        guard let record = try log.loadRecord(id) else { return nil }
        let actor = workspace.actor
        try workspace.store.commit(actor: actor, action: Self.openAction, recordID: id, summary: "Opened incident \(id)") { transaction in
            try AttentionDocument.stageOpened(id, by: actor, in: transaction)
        }
        revision += 1
        return record
    }

    /// Records that an e-mail alert could not be sent, so the dashboards show it.
    public func recordFailedAlert(incidentID: String?, problem: String) throws {
        let actor = workspace.actor
        let now = workspace.now()
        try workspace.store.commit(actor: actor, action: Self.alertFailedAction, recordID: incidentID,
                                   summary: "The e-mail alert could not be sent: \(problem)") { transaction in
            var document = try transaction.load(AlertFailuresDocument.self, from: AlertFailuresDocument.name) ?? AlertFailuresDocument()
            let cutoff = now.addingTimeInterval(-Double(AlertFailuresDocument.keptDays) * 86_400)
            document.failures.removeAll { $0.at < cutoff }
            document.failures.append(.init(incidentID: incidentID, at: IncidentLog.wholeSecond(now), problem: problem, actorID: actor.id))
            try transaction.write(document, to: AlertFailuresDocument.name)
        }
        revision += 1
    }

    static let openAction = "incident.open"
    static let alertFailedAction = "alert.failed"

    private func attention() throws -> AttentionDocument {
        try workspace.store.load(AttentionDocument.self, from: AttentionDocument.name(for: workspace.actor)) ?? AttentionDocument()
    }

    /// Every incident the person signed in may open and has not opened yet, newest first.
    /// Empty for someone who may not read incidents.
    /// - Throws: a `StoreError` naming their attention document or an incident file that cannot be read.
    public func newIncidents() throws -> [NewIncident] {
        guard let session = workspace.session, workspace.can(.readIncidents) else { return [] }
        let log = try workspace.incidents()
        // Records keep whole seconds: an incident recorded in the second the account was made counts.
        let created = try workspace.accounts().account(session.personID)?.createdAt
        let since = created.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) } ?? .distantPast
        let opened = Set(try attention().opened)
        return log.summaries.compactMap { summary in
            guard summary.recordedAt >= since, !opened.contains(summary.id), summary.recordedBy.id != session.actor.id else { return nil }
            return NewIncident(id: summary.id, recordedAt: summary.recordedAt, recordedBy: summary.recordedBy.name,
                               types: summary.typeLabels(log.form))
        }
    }

    /// E-mail alerts that failed in the last `days` days, newest first: for administrators and
    /// those who read incidents every failure; for anyone else the ones they caused.
    public func failedAlerts(days: Int = 7) throws -> [FailedAlert] {
        guard let session = workspace.session else { return [] }
        let everyone = session.isAdministrator || workspace.can(.readIncidents)
        let cutoff = workspace.now().addingTimeInterval(-Double(days) * 86_400)
        let document = try workspace.store.load(AlertFailuresDocument.self, from: AlertFailuresDocument.name) ?? AlertFailuresDocument()
        return document.failures.reversed().compactMap { failure in
            guard failure.at >= cutoff, everyone || failure.actorID == session.actor.id else { return nil }
            return FailedAlert(incidentID: failure.incidentID, at: failure.at, problem: failure.problem)
        }
    }

    /// The incidents the person signed in recorded themselves, newest first (the last 200):
    /// reference and date only ("My reports"), so a reporter who cannot read incidents can
    /// still find their references.
    public func myReports() throws -> [(id: String, recordedAt: Date)] {
        guard workspace.session != nil else { return [] }
        return try attention().reported.reversed().map { (id: $0.id, recordedAt: $0.recordedAt) }
    }
}
