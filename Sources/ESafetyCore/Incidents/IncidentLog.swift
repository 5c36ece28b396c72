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
    /// The sealed index's file, relative to the store folder (derived: deleting it makes the next
    /// lead's opening build it again from every record).
    public static var indexFile: String { StoreDocumentName.cacheFolder + "/" + IncidentIndex.documentName + ".json" }

    static let figuresDocument = "incident-figures"

    /// Lists every incident in the store that the session may read: from the sealed index (see
    /// IncidentLog+Index.swift), or by reading every record (IncidentLog+ReadInFull.swift).
    init(store: Store, actor: @escaping () -> AuditActor, now: @escaping () -> Date, timeZone: TimeZone,
         vault: IncidentVault = .unsecured, listing: Listing = .fromIndex) throws {
        self.store = store
        self.actor = actor
        self.now = now
        self.timeZone = timeZone
        self.vault = vault
        self.form = try IncidentFormDefinition.standard()
        var stamps: [String: StoreFileStamp] = [:]
        var names: [String] = []
        switch listing {
        case .fromIndex: stamps = try store.documentStamps(in: Self.folder)
        case .everyRecordRead: names = try store.documentNames(in: Self.folder)
        }
        allIDs = Set((stamps.isEmpty ? names : Array(stamps.keys)).map(Self.id(ofDocument:)))
        summaries = []
        guard (try? vault.require(.readIncidents)) != nil else { return }

        let readable: [IncidentSummary]
        switch listing {
        case .fromIndex: readable = try readableSummaries(stamps: stamps)
        case .everyRecordRead(let readAhead): readable = try summariesReadingEveryRecord(names, readAhead: readAhead)
        }
        summaries = readable.sorted(by: Self.newestFirst)
        summaryByID = Dictionary(readable.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `"incidents/2026-0001"` → `"2026-0001"`.
    static func id(ofDocument name: String) -> String { String(name.dropFirst(folder.count + 1)) }

    /// Reads and opens one incident file; nil if it is gone or sealed and this session has no key.
    func readRecord(document name: String) throws -> IncidentRecord? {
        try readRecords(documents: [name])[0]  // IncidentLog+Reading.swift
    }

    /// Reads one incident file as far as it can be read without the records key: it must be an
    /// incident (sealed or plain) whose id matches its name. For `esafety check`, which reads
    /// every file whoever runs it.
    /// - Throws: a `StoreError` naming the file.
    @discardableResult
    static func readFile(document name: String, in store: Store) throws -> StoredIncident? {
        try readFiles(documents: [name], in: store)[0].get()  // IncidentLog+Reading.swift
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
        guard summaryByID[id] != nil else { return nil }
        return adopt(try readRecord(document: Self.folder + "/" + id), as: id)
    }

    /// A record just read for a listed incident: kept, and its summary brought up to date; or,
    /// if the session may no longer read it, forgotten.
    private func adopt(_ read: IncidentRecord?, as id: String) -> IncidentRecord? {
        guard let listed = summaryByID[id] else { return nil }
        guard let record = read else {
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
        let unread = summaries.map(\.id).filter { openedRecords[$0] == nil }
        for (id, record) in zip(unread, try readRecords(documents: unread.map { Self.folder + "/" + $0 })) {
            _ = adopt(record, as: id)
        }
        return try summaries.map { summary in
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

    /// Instants are stored to the second, so a record compares equal after a round trip.
    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}
