import CivilTime
import Foundation

/// The review schedule and the school calendar of an open store: `workspace.reviews`. Like the
/// rest of the workspace, every change is validated on a copy, saved atomically with an audit
/// entry, and only then kept.
///
/// If a file cannot be read, the area shows the defaults, reports `loadProblem`, and refuses
/// every change, so the unreadable file is never overwritten.
public final class ReviewsArea {
    /// The documents this area keeps: `reviews.json` and `school-calendar.json`.
    public enum Documents {
        public static let schedule = "reviews"
        public static let calendar = "school-calendar"
    }

    private unowned let workspace: Workspace
    public internal(set) var schedule: ReviewSchedule
    public internal(set) var calendar: SchoolCalendar
    /// Why the stored schedule or calendar could not be read, if it could not.
    public private(set) var loadProblem: String?

    /// Where the retention review finds child-protection records and their pupils' dates of
    /// birth. Nil until incidents are connected: the incidents area sets it, e.g.
    /// `workspace.reviews.retentionRecordSource = { incidents.map { RetentionRecord(...) } }`.
    public var retentionRecordSource: (() -> [RetentionRecord])?

    init(workspace: Workspace) {
        self.workspace = workspace
        let today = workspace.today
        var calendar = SchoolCalendar.placeholder(around: today)
        var schedule = ReviewSchedule(items: [], documents: [])
        do {
            schedule = try DefaultReviewSchedule.make(start: today, calendar: calendar)
            if let stored = try workspace.store.load(SchoolCalendar.self, from: Documents.calendar) { calendar = stored }
            if let stored = try workspace.store.load(ReviewSchedule.self, from: Documents.schedule) { schedule = stored }
        } catch {
            loadProblem = String(describing: error)
        }
        self.calendar = calendar
        self.schedule = schedule
    }

    /// Writes the default schedule and placeholder calendar into a new store (with fictional
    /// history for a demo).
    static func seed(into store: Store, actor: AuditActor, today: CivilDate, demo: Bool) throws {
        let calendar = SchoolCalendar.placeholder(around: today)
        var schedule = try DefaultReviewSchedule.make(start: today, calendar: calendar)
        if demo { schedule = DemoReviews.schedule(from: schedule, calendar: calendar, today: today) }
        try store.save(calendar, to: Documents.calendar, actor: actor, action: "store.create", recordID: nil,
                       summary: "Created the school calendar with placeholder term dates")
        try store.save(schedule, to: Documents.schedule, actor: actor, action: "store.create", recordID: nil,
                       summary: demo ? "Created the review schedule with fictional demo history" : "Created the review schedule from the policies")
    }

    /// Every item with its due date and state today, soonest first.
    public func dueList() -> [ReviewDue] { schedule.dueList(calendar: calendar, today: workspace.today) }

    /// The due date as the policies write it: "19/12/2026 (Autumn 2026)".
    public func describe(_ date: CivilDate) -> String { "\(date) (\(calendar.label(for: date)))" }

    /// The retention review's findings today, or nil while no record source is connected.
    public func retentionReport() -> RetentionReport? {
        retentionRecordSource.map { RetentionRule.report($0(), today: workspace.today) }
    }

    // MARK: Changes

    /// Records an item as done on `date` by `doneBy`; its next due date moves on by its cadence.
    public func markDone(_ itemID: String, date: CivilDate, doneBy: String, notes: String = "", evidence: String = "") throws {
        try workspace.require(.manageReviews)
        let completion = ReviewCompletion(date: date, doneBy: doneBy, notes: notes, evidence: evidence, recordedBy: workspace.actor.name)
        let title = schedule.item(itemID)?.title ?? itemID
        try change(Documents.schedule, \.schedule, action: "review.done", recordID: itemID,
                   summary: "Recorded \(title) as done on \(date) by \(doneBy)") { try $0.markDone(itemID, completion, today: workspace.today) }
    }

    /// Saves a policy document's header (matched by id, or added). `original` is the header as
    /// the form first showed it: if someone else has changed it since, a ``StoreConflict``.
    public func updateDocument(_ document: PolicyDocument, basedOn original: PolicyDocument? = nil) throws {
        try updateRecord(basedOn: original, in: Documents.schedule, \.schedule, needs: .manageReviews,
                         action: "policy-document.update", recordID: document.id, summary: "Changed the header of \(document.title)",
                         current: { schedule in schedule.documents.first { $0.id == document.id } }, what: { "the header of \($0.title)" }) { copy in
            if let index = copy.documents.firstIndex(where: { $0.id == document.id }) { copy.documents[index] = document }
            else { copy.documents.append(document) }
        }
    }

    /// Saves one term's dates; the calendar then counts as the school's own. `original` as for
    /// ``updateDocument(_:basedOn:)``.
    public func updateTerm(_ term: SchoolTerm, basedOn original: SchoolTerm? = nil) throws {
        try updateRecord(basedOn: original, in: Documents.calendar, \.calendar, needs: .editSettings,
                         action: "term.update", recordID: term.key, summary: "Set \(term.name) to \(term.start) – \(term.end)",
                         current: { calendar in calendar.terms.first { $0.key == term.key } }, what: { "the dates of \($0.name)" }) { copy in
            try copy.update(term)
            copy.confirmed = true
        }
    }

    /// Saves one record edited in a form (a document's header, a term): with `permission`, and
    /// only if the record as last committed (`current` finds it) is still the form's `original`,
    /// else a ``StoreConflict`` naming it (`what`). `apply` puts the record into the document.
    private func updateRecord<Value: Codable, Record: Equatable>(
        basedOn original: Record?, in name: String, _ keyPath: ReferenceWritableKeyPath<ReviewsArea, Value>,
        needs permission: Permission, action: String, recordID: String, summary: String,
        current: (Value) -> Record?, what: (Record) -> String, _ apply: (inout Value) throws -> Void
    ) throws {
        try workspace.require(permission)
        try change(name, keyPath, action: action, recordID: recordID, summary: summary) { copy in
            try workspace.store.refuseStaleEdit(of: name, current: current(copy), original: original, what: what)
            try apply(&copy)
        }
    }

    /// Applies a change to a document as last committed (this session's copy if nobody has
    /// changed it since), commits it, then keeps it.
    private func change<Value: Codable>(_ name: String, _ keyPath: ReferenceWritableKeyPath<ReviewsArea, Value>, action: String,
                                        recordID: String?, summary: String, _ body: (inout Value) throws -> Void) throws {
        try refuseIfNotLoaded()
        var copy = self[keyPath: keyPath]
        try workspace.store.commit(actor: workspace.actor, action: action, recordID: recordID, summary: summary) { transaction in
            if !transaction.isUnchanged(name) { copy = try workspace.store.load(Value.self, from: name) ?? copy }
            try body(&copy)
            try transaction.write(copy, to: name)
        }
        self[keyPath: keyPath] = copy
    }

    /// Brings the schedule and calendar up to date with what other sessions committed.
    func refresh(documents: Set<String>) throws {
        guard loadProblem == nil else { return }
        if documents.contains(Documents.calendar), let stored = try workspace.store.load(SchoolCalendar.self, from: Documents.calendar) {
            calendar = stored
        }
        if documents.contains(Documents.schedule), let stored = try workspace.store.load(ReviewSchedule.self, from: Documents.schedule) {
            schedule = stored
        }
    }

    private func refuseIfNotLoaded() throws {
        if let loadProblem { throw ReviewError.notLoaded(loadProblem) }
    }
}
