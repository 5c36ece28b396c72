import CivilTime
import Foundation

/// The school's incidents: recording a report, its status and follow-ups, with every change
/// saved as one small file (`incidents/<id>.json`) and audited. The audit log's summaries never
/// hold what happened or who was involved, only which record changed and how.
public final class IncidentLog {
    /// The form's lists, for labels and for the screens.
    public let form: IncidentFormDefinition
    /// Every incident, newest first.
    public private(set) var records: [IncidentRecord]

    private let store: Store
    private let actor: () -> AuditActor
    private let now: () -> Date
    private let timeZone: TimeZone

    static let folder = "incidents"

    /// Loads every incident in the store.
    init(store: Store, actor: @escaping () -> AuditActor, now: @escaping () -> Date, timeZone: TimeZone) throws {
        self.store = store
        self.actor = actor
        self.now = now
        self.timeZone = timeZone
        self.form = try IncidentFormDefinition.standard()
        var loaded: [IncidentRecord] = []
        for name in try store.documentNames(in: Self.folder) {
            if let record = try store.load(IncidentRecord.self, from: name) {
                try RecordCheck.refuseMisnamedIncident(record, document: name)
                loaded.append(record)
            }
        }
        records = loaded.sorted(by: Self.newestFirst)
    }

    static func newestFirst(_ a: IncidentRecord, _ b: IncidentRecord) -> Bool {
        a.recordedAt != b.recordedAt ? a.recordedAt > b.recordedAt : a.id > b.id
    }

    private var today: CivilDate { CivilDate.today(at: now(), in: timeZone) }

    public func record(_ id: String) -> IncidentRecord? { records.first { $0.id == id } }

    // MARK: Recording

    /// The id the next incident recorded this year gets: `2026-0007`.
    public func nextID() -> String {
        let year = today.year
        let prefix = String(format: "%04d-", year)
        let highest = records.compactMap { $0.id.hasPrefix(prefix) ? Int($0.id.dropFirst(prefix.count)) : nil }.max() ?? 0
        return prefix + String(format: "%04d", highest + 1)
    }

    /// Submits a completed report as a new open incident, and removes the recorder's draft.
    @discardableResult
    public func submit(_ report: IncidentReport) throws -> IncidentRecord {
        let problems = report.problems(today: today)
        guard problems.isEmpty else { throw IncidentError.incomplete(problems) }
        let record = IncidentRecord(id: nextID(), recordedAt: Self.wholeSecond(now()), recordedBy: actor(), report: report)
        try save(record, action: "incident.submit", summary: "Recorded incident \(record.id)")
        try? store.removeDraft(named: draftName)
        return record
    }

    /// Replaces the report of a submitted incident; the earlier version is kept as a revision.
    public func revise(_ id: String, report: IncidentReport, reason: String) throws {
        var record = try existing(id)
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for changing a submitted report") }
        let problems = report.problems(today: today)
        guard problems.isEmpty else { throw IncidentError.incomplete(problems) }
        guard report != record.report else { return }
        record.revisions.append(IncidentRecord.Revision(number: record.revisions.count + 1, replacedAt: Self.wholeSecond(now()),
                                                        replacedBy: actor(), reason: reason.trimmed, report: record.report))
        record.report = report
        try save(record, action: "incident.revise", summary: "Revised incident \(id) (revision \(record.revisions.count) kept)")
    }

    // MARK: Status

    /// Closes an open incident. The outcome is required: given here, or already in the report.
    public func close(_ id: String, outcome: String) throws {
        var record = try existing(id)
        guard record.status == .open else { throw IncidentError.alreadyInStatus(record.status.label) }
        let text = outcome.trimmed.isEmpty ? record.report.outcome.trimmed : outcome.trimmed
        guard !text.isEmpty else { throw IncidentError.outcomeRequired }
        if text != record.report.outcome {
            record.revisions.append(IncidentRecord.Revision(number: record.revisions.count + 1, replacedAt: Self.wholeSecond(now()),
                                                            replacedBy: actor(), reason: "Outcome written when closing", report: record.report))
            record.report.outcome = text
        }
        try changeStatus(&record, to: .closed, reason: "Closed with an outcome")
        try save(record, action: "incident.close", summary: "Closed incident \(id)")
    }

    /// Marks an open incident as needing no further action; the reason is required and kept.
    public func markNoFurtherAction(_ id: String, reason: String) throws {
        var record = try existing(id)
        guard record.status == .open else { throw IncidentError.alreadyInStatus(record.status.label) }
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for taking no further action") }
        try changeStatus(&record, to: .noFurtherAction, reason: reason.trimmed)
        try save(record, action: "incident.no-further-action", summary: "Marked incident \(id) as no further action")
    }

    /// Reopens a closed incident; the reason is required and kept.
    public func reopen(_ id: String, reason: String) throws {
        var record = try existing(id)
        guard record.status != .open else { throw IncidentError.alreadyInStatus(record.status.label) }
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for reopening the incident") }
        try changeStatus(&record, to: .open, reason: reason.trimmed)
        try save(record, action: "incident.reopen", summary: "Reopened incident \(id)")
    }

    private func changeStatus(_ record: inout IncidentRecord, to status: IncidentStatus, reason: String) throws {
        record.statusHistory.append(IncidentRecord.StatusChange(at: Self.wholeSecond(now()), by: actor(), from: record.status, to: status, reason: reason))
        record.status = status
    }

    // MARK: Follow-ups and device reviews

    @discardableResult
    public func addFollowUp(to id: String, what: String, owner: Person?, ownerName: String, due: CivilDate) throws -> FollowUpAction {
        var record = try existing(id)
        guard !what.trimmed.isEmpty else { throw IncidentError.emptyFollowUp }
        let action = FollowUpAction(id: (record.followUps.map(\.id).max() ?? 0) + 1, what: what.trimmed,
                                    ownerPersonID: owner?.id, ownerName: owner?.fullName ?? ownerName.trimmed, due: due)
        record.followUps.append(action)
        try save(record, action: "incident.follow-up.add", summary: "Added follow-up \(action.id) to incident \(id), due \(due)")
        return action
    }

    public func completeFollowUp(_ followUpID: Int, of id: String, on date: CivilDate) throws {
        var record = try existing(id)
        guard let index = record.followUps.firstIndex(where: { $0.id == followUpID }) else { throw IncidentError.unknownFollowUp(followUpID) }
        record.followUps[index].doneOn = date
        record.followUps[index].doneBy = actor().name
        try save(record, action: "incident.follow-up.done", summary: "Follow-up \(followUpID) of incident \(id) done on \(date)")
    }

    public func saveDeviceReview(_ review: DeviceReview, for id: String) throws {
        var record = try existing(id)
        record.deviceReview = review
        try save(record, action: "incident.device-review", summary: "Saved the device review of incident \(id)")
    }

    // MARK: Drafts

    /// The draft of the person at the terminal (one each).
    var draftName: String {
        let id = actor().id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return "incident-" + id.filter { $0.isASCII }
    }

    /// The unfinished report of the person at the terminal, if any.
    public func draft() throws -> IncidentDraft? { try store.loadDraft(IncidentDraft.self, named: draftName) }

    /// Saves the unfinished report as it is typed.
    public func saveDraft(_ draft: IncidentDraft) throws {
        var draft = draft
        draft.savedAt = Self.wholeSecond(now())
        try store.saveDraft(draft, as: draftName)
    }

    /// Throws away the unfinished report.
    public func discardDraft() throws { try store.removeDraft(named: draftName) }

    // MARK: Queries

    public var openIncidents: [IncidentRecord] { records.filter { $0.status == .open } }

    /// Every follow-up past its date, with its incident, oldest first.
    public func overdueFollowUps(today: CivilDate) -> [(incident: IncidentRecord, action: FollowUpAction)] {
        records.flatMap { record in record.overdueFollowUps(today: today).map { (incident: record, action: $0) } }
            .sorted { $0.action.due < $1.action.due }
    }

    /// Every incident that involves a person (by record, or by name), in the order they happened.
    public func chronology(personID: String?, name: String) -> [IncidentRecord] {
        records.filter { $0.report.involves(personID: personID, name: name) }
            .sorted { ($0.date(in: timeZone), $0.id) < ($1.date(in: timeZone), $1.id) }
    }

    /// Incidents matching every filter given.
    public func filtered(by filter: IncidentFilter, term: (CivilDate) -> SchoolTermLabel) -> [IncidentRecord] {
        records.filter { record in
            if let status = filter.status, record.status != status { return false }
            if let type = filter.typeID, !record.report.typeIDs.contains(type) { return false }
            if let wanted = filter.term, term(record.date(in: timeZone)) != wanted { return false }
            if !filter.person.trimmed.isEmpty,
               !record.report.involved.contains(where: { TextSearch.matches(filter.person, in: [$0.name]) }) { return false }
            return true
        }
    }

    // MARK: Saving

    private func existing(_ id: String) throws -> IncidentRecord {
        guard let record = record(id) else { throw IncidentError.unknownIncident(id) }
        return record
    }

    private func save(_ record: IncidentRecord, action: String, summary: String) throws {
        try store.save(record, to: Self.folder + "/" + record.id, actor: actor(), action: action, recordID: record.id, summary: summary)
        if let index = records.firstIndex(where: { $0.id == record.id }) {
            records[index] = record
        } else {
            records.append(record)
            records.sort(by: Self.newestFirst)
        }
    }

    /// Instants are stored to the second, so a record compares equal after a round trip.
    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}
