import CivilTime
import Foundation

/// The school's incidents: recording a report, its status and follow-ups, with every change
/// saved as one small file (`incidents/<id>.json`) and audited. The audit log's summaries never
/// hold what happened or who was involved, only which record changed and how.
///
/// The log lists incidents by their summaries (``IncidentSummary``), kept for leads in the
/// sealed incident index, and reads a whole record only when it is opened. See docs/store-format.md.
public final class IncidentLog {
    /// The form's lists, for labels and for the screens.
    public let form: IncidentFormDefinition
    /// Every incident the signed-in person may read, newest first.
    public private(set) var summaries: [IncidentSummary]
    /// The id of every incident in the store, readable or not (ids are not secret).
    public private(set) var allIDs: Set<String>
    /// Incidents in the store that the signed-in person may not read (for "n more are
    /// restricted" notes; before set-up, always 0).
    public var unreadableCount: Int { allIDs.count - summaries.count }

    private let store: Store
    private let vault: IncidentVault
    let actor: () -> AuditActor
    let now: () -> Date
    private let timeZone: TimeZone
    /// Whole records read so far, by id.
    private var openedRecords: [String: IncidentRecord] = [:]
    /// `summaries` by id, for lookups (every read of a whole record checks it).
    private var summaryByID: [String: IncidentSummary] = [:]

    static let folder = "incidents"

    static let figuresDocument = "incident-figures"

    /// Lists every incident in the store that the session may read: from the sealed index where
    /// an incident's file is as the index last saw it, otherwise by opening the file (and then
    /// the index is brought up to date).
    init(store: Store, actor: @escaping () -> AuditActor, now: @escaping () -> Date, timeZone: TimeZone,
         vault: IncidentVault = .unsecured) throws {
        self.store = store
        self.actor = actor
        self.now = now
        self.timeZone = timeZone
        self.vault = vault
        self.form = try IncidentFormDefinition.standard()
        let stamps = try store.documentStamps(in: Self.folder)
        allIDs = Set(stamps.keys.map(Self.id(ofDocument:)))
        summaries = []
        guard (try? vault.require(.readIncidents)) != nil else { return }

        let indexKey = vault.indexKey
        var index = indexKey.map { IncidentIndex.load(from: store, key: $0) } ?? IncidentIndex()
        var indexChanged = false
        var readable: [IncidentSummary] = []
        for (name, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
            let id = Self.id(ofDocument: name)
            let summary: IncidentSummary
            if let entry = index.entries[id], entry.stamp == stamp {
                summary = entry.summary
            } else {
                guard let record = try readRecord(document: name) else { continue }
                summary = IncidentSummary(record)
                index.entries[id] = IncidentIndex.Entry(summary: summary, stamp: stamp)
                indexChanged = true
            }
            if vault.mayOpen(summary) { readable.append(summary) }
        }
        for id in index.entries.keys where !allIDs.contains(id) {
            index.entries[id] = nil
            indexChanged = true
        }
        // The index is a cache: if it cannot be saved (a read-only store, a full disk), the log
        // still opens, and the next opening reads the same files again.
        if indexChanged, let indexKey, store.access == .readWrite {
            try? index.save(to: store, key: indexKey)
        }
        summaries = readable.sorted(by: Self.newestFirst)
        summaryByID = Dictionary(readable.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `"incidents/2026-0001"` → `"2026-0001"`.
    private static func id(ofDocument name: String) -> String { String(name.dropFirst(folder.count + 1)) }

    /// Reads and opens one incident file; nil if it is gone or sealed and this session has no key.
    private func readRecord(document name: String) throws -> IncidentRecord? {
        guard let stored = try Self.readFile(document: name, in: store) else { return nil }
        let record: IncidentRecord?
        switch stored {
        case .plain(let plain): record = plain
        case .sealed(let file): record = try vault.open(file)
        }
        if let record {  // the sealed id must be the file's too: anyone can seal to the public key
            try RecordCheck.refuseMisnamedIncident(id: record.id, document: name)
        }
        return record
    }

    /// Reads one incident file as far as it can be read without the records key: it must be an
    /// incident (sealed or plain) whose id matches its name. For `esafety check`, which reads
    /// every file whoever runs it.
    /// - Throws: a `StoreError` naming the file.
    @discardableResult
    static func readFile(document name: String, in store: Store) throws -> StoredIncident? {
        guard let stored = try store.load(StoredIncident.self, from: name) else { return nil }
        try RecordCheck.refuseMisnamedIncident(id: stored.id, document: name)
        return stored
    }

    static func newestFirst(_ a: IncidentSummary, _ b: IncidentSummary) -> Bool {
        a.recordedAt != b.recordedAt ? a.recordedAt > b.recordedAt : a.id > b.id
    }

    var today: CivilDate { CivilDate.today(at: now(), in: timeZone) }

    /// The summary of an incident the session may read.
    public func summary(_ id: String) -> IncidentSummary? { summaryByID[id] }

    /// The whole record of an incident the session may read (read from its file the first time);
    /// nil if it is not one, or its file cannot be read.
    public func record(_ id: String) -> IncidentRecord? { try? loadRecord(id) }

    /// The whole record of an incident the session may read; nil if it is not one. The record
    /// read is checked again, and its summary brought up to date: the file may have changed since
    /// the log opened (another esafety saves while this one is open read-only).
    /// - Throws: a `StoreError` naming the file if it cannot be read.
    public func loadRecord(_ id: String) throws -> IncidentRecord? {
        if let opened = openedRecords[id] { return opened }
        guard let listed = summaryByID[id], let record = try readRecord(document: Self.folder + "/" + id) else { return nil }
        let summary = IncidentSummary(record)
        guard vault.mayOpen(summary) else {
            forget(id)
            return nil
        }
        if summary != listed, let index = summaries.firstIndex(where: { $0.id == id }) {
            summaries[index] = summary
            summaries.sort(by: Self.newestFirst)
            summaryByID[id] = summary
        }
        openedRecords[id] = record
        return record
    }

    /// Drops an incident the session may no longer read from what it lists and holds.
    private func forget(_ id: String) {
        summaries.removeAll { $0.id == id }
        summaryByID[id] = nil
        openedRecords[id] = nil
    }

    /// Every record the session may read, newest first: for exports and reports, which need
    /// the whole of each. Reads every file not read yet.
    public func allRecords() throws -> [IncidentRecord] {
        try summaries.map { summary in
            guard let record = try loadRecord(summary.id) else { throw IncidentError.unknownIncident(summary.id) }
            return record
        }
    }

    // MARK: Recording

    /// The id the next incident recorded this year gets: `2026-0007`.
    public func nextID() -> String {
        let year = today.year
        let prefix = String(format: "%04d-", year)
        let highest = allIDs.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }.max() ?? 0
        return prefix + String(format: "%04d", highest + 1)
    }

    /// Submits a completed report as a new open incident, and removes the recorder's draft.
    @discardableResult
    public func submit(_ report: IncidentReport) throws -> IncidentRecord {
        try vault.require(.recordIncident)
        let problems = report.problems(today: today)
        guard problems.isEmpty else { throw IncidentError.incomplete(problems) }
        let record = IncidentRecord(id: nextID(), recordedAt: Self.wholeSecond(now()), recordedBy: actor(), report: report)
        try save(record, action: "incident.submit", summary: "Recorded incident \(record.id)")
        try updateFigures(removing: nil, adding: record)
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
        let before = record
        record.report = report
        try save(record, action: "incident.revise", summary: "Revised incident \(id) (revision \(record.revisions.count) kept)")
        try updateFigures(removing: before, adding: record)
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

    /// The unfinished report of the person at the terminal, if any. Once esafety is set up,
    /// drafts are sealed with their author's own key: nobody else can read them.
    public func draft() throws -> IncidentDraft? {
        guard vault.isSecured else { return try store.loadDraft(IncidentDraft.self, named: draftName) }
        guard let key = vault.session?.draftKey, let file = try store.loadDraft(SealedDraftFile.self, named: draftName) else { return nil }
        guard let data = try? SymmetricSeal.open(file.sealedDraft, with: key) else { return nil }
        return try StoreJSON.makeDecoder().decode(IncidentDraft.self, from: data)
    }

    /// Saves the unfinished report as it is typed.
    public func saveDraft(_ draft: IncidentDraft) throws {
        var draft = draft
        draft.savedAt = Self.wholeSecond(now())
        guard vault.isSecured else { return try store.saveDraft(draft, as: draftName) }
        try vault.require(.recordIncident)
        guard let key = vault.session?.draftKey else { throw AccessError.notSignedIn }
        try store.saveDraft(SealedDraftFile(sealedDraft: SymmetricSeal.seal(StoreJSON.makeEncoder().encode(draft), with: key)), as: draftName)
    }

    /// Throws away the unfinished report.
    public func discardDraft() throws { try store.removeDraft(named: draftName) }

    // MARK: Queries

    public var openIncidents: [IncidentSummary] { summaries.filter { $0.status == .open } }

    /// Every follow-up past its date, with its incident, oldest first.
    public func overdueFollowUps(today: CivilDate) -> [(incident: IncidentSummary, action: FollowUpAction)] {
        summaries.flatMap { incident in incident.overdueFollowUps(today: today).map { (incident: incident, action: $0) } }
            .sorted { $0.action.due < $1.action.due }
    }

    /// Every incident that involves a person (by record, or by name), in the order they happened.
    public func chronology(personID: String?, name: String) -> [IncidentSummary] {
        summaries.filter { $0.involves(personID: personID, name: name) }
            .sorted { ($0.date(in: timeZone), $0.id) < ($1.date(in: timeZone), $1.id) }
    }

    /// Incidents matching every filter given.
    public func filtered(by filter: IncidentFilter, term: (CivilDate) -> SchoolTermLabel) -> [IncidentSummary] {
        summaries.filter { incident in
            if let status = filter.status, incident.status != status { return false }
            if let type = filter.typeID, !incident.typeIDs.contains(type) { return false }
            if let wanted = filter.term, term(incident.date(in: timeZone)) != wanted { return false }
            if !filter.person.trimmed.isEmpty,
               !incident.involved.contains(where: { TextSearch.matches(filter.person, in: [$0.name]) }) { return false }
            return true
        }
    }

    // MARK: Saving

    /// A record the session may change (leads and the head teacher, within their reach).
    func existing(_ id: String) throws -> IncidentRecord {
        try vault.require(.manageIncidents)
        guard let record = try loadRecord(id) else {
            throw allIDs.contains(id) ? AccessError.restrictedIncident(id) : IncidentError.unknownIncident(id)
        }
        return record
    }

    func save(_ record: IncidentRecord, action: String, summary: String) throws {
        try store.save(try vault.seal(record), to: Self.folder + "/" + record.id, actor: actor(), action: action,
                       recordID: record.id, summary: summary)
        allIDs.insert(record.id)
        // The sealed index is not rewritten here, so a save costs the same however many incidents
        // there are: the file's stamp has changed, and the next opening of the log reads it again.
        let summary = IncidentSummary(record)
        guard (try? vault.require(.readIncidents)) != nil, vault.mayOpen(summary) else {
            return forget(record.id)  // e.g. revised into an allegation against the person saving it
        }
        if let index = summaries.firstIndex(where: { $0.id == record.id }) {
            summaries[index] = summary
        } else {
            summaries.append(summary)
        }
        summaries.sort(by: Self.newestFirst)
        summaryByID[record.id] = summary
        openedRecords[record.id] = record
    }

    /// Seals every incident kept as plain JSON (from before set-up) to the records key.
    func sealPlainRecords() throws {
        guard vault.isSecured else { return }
        for name in try store.documentNames(in: Self.folder) {
            guard case .plain(let record)? = try store.load(StoredIncident.self, from: name) else { continue }
            try store.save(try vault.seal(record), to: name, actor: actor(), action: "incident.seal", recordID: record.id,
                           summary: "Sealed incident \(record.id) to the records key at set-up")
        }
    }

    // MARK: Governors' figures

    /// The counts governors see, kept up to date as incidents are recorded and revised, so
    /// they can be shown without the records key.
    public func governorFigures() throws -> GovernorFigures {
        if let counts = try store.load(IncidentFiguresDocument.self, from: Self.figuresDocument) {
            return GovernorFigures(counts: counts, form: form)
        }
        return GovernorFigures(records: summaries, form: form, dateOf: { $0.date(in: self.timeZone) }, term: SchoolTermLabel.usual)
    }

    private func updateFigures(removing old: IncidentRecord?, adding new: IncidentRecord?) throws {
        guard vault.isSecured else { return }
        var counts = try store.load(IncidentFiguresDocument.self, from: Self.figuresDocument) ?? IncidentFiguresDocument()
        if let old { counts.apply(old, timeZone: timeZone, delta: -1) }
        if let new { counts.apply(new, timeZone: timeZone, delta: 1) }
        try store.save(counts, to: Self.figuresDocument, actor: actor(), action: "incident.figures", recordID: nil,
                       summary: "Updated the governors' figures")
    }

    /// Instants are stored to the second, so a record compares equal after a round trip.
    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}
