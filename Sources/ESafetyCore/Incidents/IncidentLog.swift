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
    public internal(set) var summaries: [IncidentSummary]
    /// The id of every incident in the store, readable or not (ids are not secret).
    public internal(set) var allIDs: Set<String>
    /// Incidents in the store that the signed-in person may not read (for "n more are
    /// restricted" notes; before set-up, always 0).
    public var unreadableCount: Int { allIDs.count - summaries.count }

    let store: Store
    let vault: IncidentVault
    let actor: () -> AuditActor
    let now: () -> Date
    let timeZone: TimeZone
    /// Whole records read so far, by id.
    var openedRecords: [String: IncidentRecord] = [:]
    /// `summaries` by id, for lookups (every read of a whole record checks it).
    var summaryByID: [String: IncidentSummary] = [:]

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
                // An allegation against staff is not in the index, which every records-key holder
                // (its subject too) can open: its recipients open the record itself each time.
                if !summary.isStaffAllegation {
                    index.entries[id] = IncidentIndex.Entry(summary: summary, stamp: stamp)
                    indexChanged = true
                }
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
    static func id(ofDocument name: String) -> String { String(name.dropFirst(folder.count + 1)) }

    /// Reads and opens one incident file; nil if it is gone or sealed and this session has no key.
    func readRecord(document name: String) throws -> IncidentRecord? {
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
        guard let listed = summaryByID[id] else { return nil }
        guard let record = try readRecord(document: Self.folder + "/" + id) else {
            forget(id)  // sealed since to others (an allegation about this reader, say)
            return nil
        }
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
    func forget(_ id: String) {
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

    /// Submits a completed report as a new open incident, and removes the recorder's draft. The
    /// id is given out under the commit lock, once across every session, and never again even
    /// if the file is deleted; the record and the governors' figures are one commit.
    @discardableResult
    public func submit(_ report: IncidentReport) throws -> IncidentRecord {
        try vault.require(.recordIncident)
        let problems = report.problems(today: today)
        guard problems.isEmpty else { throw IncidentError.incomplete(problems) }
        let recordedAt = Self.wholeSecond(now())
        let record = try store.commit(actor: actor(), action: "incident.submit") { transaction -> IncidentRecord in
            let record = IncidentRecord(id: allocateID(in: transaction), recordedAt: recordedAt, recordedBy: actor(), report: report)
            transaction.recordID = record.id
            transaction.summary = "Recorded incident \(record.id)"
            try transaction.write(try vault.seal(record), to: Self.folder + "/" + record.id)
            try stageFigures(in: transaction, removing: nil, adding: record)
            try AttentionDocument.stageReported(record.id, at: recordedAt, by: record.recordedBy, in: transaction)  // "My reports"
            return record
        }
        didCommit(record)
        try? store.removeDraft(named: draftName)
        return record
    }

    /// Gives out the next incident id of this year, under the commit lock: once across every
    /// session, and never again even if the file is deleted.
    func allocateID(in transaction: StoreTransaction) -> String {
        let prefix = String(format: "%04d-", today.year)
        let highest = transaction.highestNumber(in: Self.folder, prefix: prefix)
        var number = transaction.allocate("incident-\(today.year)", atLeast: highest + 1)
        while transaction.fileExists(Self.folder + "/" + prefix + String(format: "%04d", number)) {
            number = transaction.allocate("incident-\(today.year)", atLeast: number + 1)  // a file no entry accounts for
        }
        return prefix + String(format: "%04d", number)
    }

    /// Replaces the report of a submitted incident; the earlier version is kept as a revision.
    /// `original` is the report as the editor first showed it: if someone else has revised it
    /// since, nothing is saved and a ``StoreConflict`` says who.
    public func revise(_ id: String, report: IncidentReport, reason: String, basedOn original: IncidentReport? = nil) throws {
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for changing a submitted report") }
        let problems = report.problems(today: today)
        guard problems.isEmpty else { throw IncidentError.incomplete(problems) }
        try changeRecord(id, action: "incident.revise") { record in
            if let original, record.report != original {
                throw StoreConflict(document: Self.folder + "/" + id, what: "incident \(id)", change: store.lastChange(of: Self.folder + "/" + id))
            }
            guard report != record.report else { return nil }
            record.revisions.append(IncidentRecord.Revision(number: record.revisions.count + 1, replacedAt: Self.wholeSecond(now()),
                                                            replacedBy: actor(), reason: reason.trimmed, report: record.report))
            record.report = report
            return "Revised incident \(id) (revision \(record.revisions.count) kept)"
        }
    }

    // MARK: Status

    /// Closes an open incident. The outcome is required: given here, or already in the report.
    public func close(_ id: String, outcome: String) throws {
        try changeRecord(id, action: "incident.close") { record in
            guard record.status == .open else { throw IncidentError.alreadyInStatus(record.status.label) }
            let text = outcome.trimmed.isEmpty ? record.report.outcome.trimmed : outcome.trimmed
            guard !text.isEmpty else { throw IncidentError.outcomeRequired }
            if text != record.report.outcome {
                record.revisions.append(IncidentRecord.Revision(number: record.revisions.count + 1, replacedAt: Self.wholeSecond(now()),
                                                                replacedBy: actor(), reason: "Outcome written when closing", report: record.report))
                record.report.outcome = text
            }
            changeStatus(&record, to: .closed, reason: "Closed with an outcome")
            return "Closed incident \(id)"
        }
    }

    /// Marks an open incident as needing no further action; the reason is required and kept.
    public func markNoFurtherAction(_ id: String, reason: String) throws {
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for taking no further action") }
        try changeRecord(id, action: "incident.no-further-action") { record in
            guard record.status == .open else { throw IncidentError.alreadyInStatus(record.status.label) }
            changeStatus(&record, to: .noFurtherAction, reason: reason.trimmed)
            return "Marked incident \(id) as no further action"
        }
    }

    /// Reopens a closed incident; the reason is required and kept.
    public func reopen(_ id: String, reason: String) throws {
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for reopening the incident") }
        try changeRecord(id, action: "incident.reopen") { record in
            guard record.status != .open else { throw IncidentError.alreadyInStatus(record.status.label) }
            changeStatus(&record, to: .open, reason: reason.trimmed)
            return "Reopened incident \(id)"
        }
    }

    private func changeStatus(_ record: inout IncidentRecord, to status: IncidentStatus, reason: String) {
        record.statusHistory.append(IncidentRecord.StatusChange(at: Self.wholeSecond(now()), by: actor(), from: record.status, to: status, reason: reason))
        record.status = status
    }

    // MARK: Follow-ups and device reviews

    @discardableResult
    public func addFollowUp(to id: String, what: String, owner: Person?, ownerName: String, due: CivilDate) throws -> FollowUpAction {
        guard !what.trimmed.isEmpty else { throw IncidentError.emptyFollowUp }
        var added: FollowUpAction?
        try changeRecord(id, action: "incident.follow-up.add") { record in
            let action = FollowUpAction(id: (record.followUps.map(\.id).max() ?? 0) + 1, what: what.trimmed,
                                        ownerPersonID: owner?.id, ownerName: owner?.fullName ?? ownerName.trimmed, due: due)
            record.followUps.append(action)
            added = action
            return "Added follow-up \(action.id) to incident \(id), due \(due)"
        }
        guard let added else { throw IncidentError.unknownIncident(id) }
        return added
    }

    public func completeFollowUp(_ followUpID: Int, of id: String, on date: CivilDate) throws {
        try changeRecord(id, action: "incident.follow-up.done") { record in
            guard let index = record.followUps.firstIndex(where: { $0.id == followUpID }) else { throw IncidentError.unknownFollowUp(followUpID) }
            record.followUps[index].doneOn = date
            record.followUps[index].doneBy = actor().name
            return "Follow-up \(followUpID) of incident \(id) done on \(date)"
        }
    }

    public func saveDeviceReview(_ review: DeviceReview, for id: String) throws {
        try changeRecord(id, action: "incident.device-review") { record in
            record.deviceReview = review
            return "Saved the device review of incident \(id)"
        }
    }

    // MARK: Saving

    /// A record the session may change (leads and the head teacher, within their reach).
    func existing(_ id: String) throws -> IncidentRecord {
        try vault.require(.manageIncidents)
        guard let record = try loadRecord(id) else {
            throw allIDs.contains(id) ? AccessError.restrictedIncident(id) : IncidentError.unknownIncident(id)
        }
        if let origin = record.transferredFrom { throw TransferError.priorRecordReadOnly(id: id, school: origin.school) }
        return record
    }

    /// Applies `change` to the incident as last committed (this session's copy if nobody has
    /// changed it since, else read again and checked once more against who may open it) and
    /// commits it, with the governors' figures if the change moves them, as one commit. The
    /// change returns the audit summary, or nil when it changes nothing (then nothing is written).
    func changeRecord(_ id: String, action: String, _ change: (inout IncidentRecord) throws -> String?) throws {
        _ = try existing(id)
        let name = Self.folder + "/" + id
        let saved = try store.commit(actor: actor(), action: action, recordID: id) { transaction -> IncidentRecord? in
            var record: IncidentRecord
            if transaction.isUnchanged(name), let opened = openedRecords[id] {
                record = opened
            } else {
                guard let fresh = try readRecord(document: name), vault.mayOpen(IncidentSummary(fresh)) else {
                    throw AccessError.restrictedIncident(id)
                }
                record = fresh
            }
            let before = record
            guard let summary = try change(&record) else { return nil }
            transaction.summary = summary
            try transaction.write(try vault.seal(record), to: name)
            try stageFigures(in: transaction, removing: before, adding: record)
            return record
        }
        if let saved { didCommit(saved) }
    }

    /// Saves a whole record as it is, if nobody has changed it since this session read it (a
    /// ``StoreConflict`` otherwise). Prefer ``changeRecord(_:action:_:)``, which applies a change
    /// on top of another session's. It is sealed under the commit lock, to the authority in force
    /// then (another session may have rotated the records key since this one read it).
    func save(_ record: IncidentRecord, action: String, summary: String) throws {
        try store.save(vault.seal(record), to: Self.folder + "/" + record.id, actor: actor(), action: action,
                       recordID: record.id, summary: summary)
        didCommit(record)
    }

    /// Keeps a committed record in what the log lists and holds. The sealed index is not
    /// rewritten here, so a save costs the same however many incidents there are: the file's
    /// stamp has changed, and the next opening of the log reads it again.
    func didCommit(_ record: IncidentRecord) {
        allIDs.insert(record.id)
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

    /// Seals every incident kept as plain JSON (from before set-up) to the records key, in one commit.
    func sealPlainRecords() throws {
        guard vault.isSecured else { return }
        let names = try store.documentNames(in: Self.folder)
        var plain: [IncidentRecord] = []
        for name in names {
            if case .plain(let record)? = try store.load(StoredIncident.self, from: name) { plain.append(record) }
        }
        guard !plain.isEmpty else { return }
        try store.commit(actor: actor(), action: "incident.seal", summary: "Sealed \(plain.count) incident\(plain.count == 1 ? "" : "s") "
                         + "recorded before set-up to the records key") { transaction in
            for record in plain { try transaction.write(try vault.seal(record), to: Self.folder + "/" + record.id) }
            if plain.count == 1 { transaction.recordID = plain[0].id }
            var figures = IncidentFiguresDocument()
            for record in plain { figures.apply(record, timeZone: timeZone, delta: 1) }
            try transaction.write(figures, to: Self.figuresDocument)
        }
    }

    /// Instants are stored to the second, so a record compares equal after a round trip.
    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}
