import CivilTime
import Foundation

/// Filtering and monitoring records of a store (`workspace.filtering`): the log of checks, the
/// annual reviews (each also marks the review schedule's "filtering-monitoring" item done, in
/// the same commit), and the requests to unblock sites with the head teacher's decisions. One
/// small document, `filtering/log.json`; every change is one audited commit.
///
/// Who may do what is checked here: the leads and the head teacher record checks and reviews
/// (``Permission/manageFiltering``); any member of staff may ask for a site to be unblocked
/// (``Permission/requestUnblock``); only the head teacher decides (``Permission/decideUnblock``).
public final class FilteringArea {
    /// The document: `filtering/log.json`.
    public static let document = "filtering/log"
    /// The review schedule item an annual review marks done.
    public static let reviewItemID = "filtering-monitoring"

    unowned let workspace: Workspace
    private var loaded: FilteringDocument?

    init(workspace: Workspace) { self.workspace = workspace }

    private var store: Store { workspace.store }

    private func log() throws -> FilteringDocument {
        if let loaded { return loaded }
        let document = try store.load(FilteringDocument.self, from: Self.document) ?? FilteringDocument()
        try RecordCheck.refuseDuplicates(document.checks.map(\.id) + document.reviews.map(\.id) + document.requests.map(\.id),
                                         kind: "record", in: Self.document + ".json")
        loaded = document
        return document
    }

    func refresh(documents: Set<String>) throws {
        if loaded != nil, documents.contains(Self.document) { loaded = nil; _ = try log() }
    }

    // MARK: Reading

    /// Every check, newest first.
    public func checks() throws -> [FilteringCheck] {
        try workspace.require(.manageFiltering)
        return try log().checks.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// Every annual review, newest first.
    public func reviews() throws -> [FilteringReview] {
        try workspace.require(.manageFiltering)
        return try log().reviews.sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    /// Every unblock request, pending first, then newest first.
    public func requests() throws -> [UnblockRequest] {
        guard workspace.can(.manageFiltering) || workspace.can(.decideUnblock) else { try workspace.require(.manageFiltering); return [] }
        return try log().requests.sorted { a, b in
            a.isPending != b.isPending ? a.isPending : (a.requestedOn, a.id) > (b.requestedOn, b.id)
        }
    }

    /// Counts without names, for the governors' figures (no permission needed: see ``Workspace/policyFigures()``).
    func counts() throws -> (checks: Int, failed: Int, reviews: Int, requests: Int) {
        let log = try log()
        return (log.checks.count, log.checks.filter { $0.result == .failed }.count, log.reviews.count, log.requests.count)
    }

    // MARK: Changes

    /// Logs a check of filtering and monitoring.
    @discardableResult
    public func recordCheck(date: CivilDate, checkedBy: String, categories: [String], device: String, location: String,
                            userGroup: String, result: FilteringCheck.Result, resultDetail: String, actions: String) throws -> FilteringCheck {
        try workspace.require(.manageFiltering)
        try refuseFuture(date)
        let categories = categories.map(FilteringCategory.normalise).filter { !$0.isEmpty }
        guard !categories.isEmpty else { throw FilteringError.noCategories }
        var check = FilteringCheck(id: "", date: date, checkedBy: try required(checkedBy, "who did the check"), categories: categories,
                                   device: try required(device, "which device was used"), location: try required(location, "where the check was done"),
                                   userGroup: try required(userGroup, "which user group was tested"), result: result,
                                   resultDetail: resultDetail.trimmed, actions: actions.trimmed,
                                   recordedBy: workspace.actor, recordedAt: workspace.now())
        if result == .failed, check.actions.isEmpty { throw FilteringError.missing("what was done about the failed check (actions)") }
        try change(action: "filtering.check") { document, transaction in
            check.id = Self.makeID("check", transaction.allocate("filtering-check", atLeast: document.checks.count + 1))
            document.checks.append(check)
            transaction.recordID = check.id
            transaction.summary = "Logged filtering check \(check.id) on \(date) by \(check.checkedBy): \(check.categories.joined(separator: ", ")) on \(check.device), \(check.location), \(check.userGroup): \(result.rawValue)"
        }
        return check
    }

    /// Records the annual review, and marks the review schedule's filtering and monitoring item
    /// done on the same date (one commit), so the schedule shows when the next one is due.
    @discardableResult
    public func recordReview(date: CivilDate, seniorLeader: String, governor: String, others: String = "",
                             findings: String, actions: String = "") throws -> FilteringReview {
        try workspace.require(.manageFiltering)
        try refuseFuture(date)
        var review = FilteringReview(id: "", date: date, seniorLeader: try required(seniorLeader, "the named senior leader"),
                                     governor: try required(governor, "the named governor"), others: others.trimmed,
                                     findings: try required(findings, "what the review found (what is blocked or allowed, and why)"),
                                     actions: actions.trimmed, recordedBy: workspace.actor, recordedAt: workspace.now())
        let reviews = workspace.reviews
        if let problem = reviews.loadProblem { throw ReviewError.notLoaded(problem) }
        var schedule = reviews.schedule
        var linked = false
        try change(action: "filtering.review") { document, transaction in
            review.id = Self.makeID("review", transaction.allocate("filtering-review", atLeast: document.reviews.count + 1))
            document.reviews.append(review)
            transaction.recordID = review.id
            if !transaction.isUnchanged(ReviewsArea.Documents.schedule) {
                schedule = try store.load(ReviewSchedule.self, from: ReviewsArea.Documents.schedule) ?? schedule
            }
            if schedule.item(Self.reviewItemID) != nil {
                let completion = ReviewCompletion(date: date, doneBy: "\(review.seniorLeader) (senior leader), \(review.governor) (governor)",
                                                  notes: review.findings, evidence: "Filtering review \(review.id)", recordedBy: workspace.actor.name)
                try schedule.markDone(Self.reviewItemID, completion, today: workspace.today)
                try transaction.write(schedule, to: ReviewsArea.Documents.schedule)
                linked = true
            }
            transaction.summary = "Recorded the filtering and monitoring review \(review.id) of \(date) with \(review.seniorLeader) (senior leader) and \(review.governor) (governor)"
                + (linked ? "; marked the review schedule's filtering and monitoring item done" : "")
        }
        if linked { reviews.schedule = schedule }
        return review
    }

    /// A member of staff asks for a site to be removed from the filtered list.
    @discardableResult
    public func requestUnblock(site: String, reason: String, requestedBy: String? = nil, on date: CivilDate? = nil) throws -> UnblockRequest {
        try workspace.require(.requestUnblock)
        let day = date ?? workspace.today
        try refuseFuture(day)
        var request = UnblockRequest(id: "", requestedBy: try required(requestedBy ?? workspace.actor.name, "who asked"), requestedOn: day,
                                     site: try required(site, "which site"), reason: try required(reason, "why the site is needed"),
                                     recordedBy: workspace.actor)
        try change(action: "filtering.unblock.request") { document, transaction in
            request.id = Self.makeID("unblock", transaction.allocate("filtering-unblock", atLeast: document.requests.count + 1))
            document.requests.append(request)
            transaction.recordID = request.id
            transaction.summary = "\(request.requestedBy) asked for \(request.site) to be unblocked (\(request.id)): \(request.reason)"
        }
        return request
    }

    /// The head teacher's decision on a request: what is allowed (if approved), and why.
    public func decide(_ id: String, _ decision: UnblockRequest.Decision, allowed: String, why: String, on date: CivilDate? = nil) throws {
        try workspace.require(.decideUnblock)
        let day = date ?? workspace.today
        try refuseFuture(day)
        let reason = try required(why, "why (the reason for the decision)")
        let scope = decision == .approved ? try required(allowed, "what is allowed (the site or pages, for whom, until when)") : allowed.trimmed
        try change(action: "filtering.unblock.decide") { document, transaction in
            guard let index = document.requests.firstIndex(where: { $0.id == id }) else { throw FilteringError.unknownRequest(id) }
            guard document.requests[index].isPending else { throw FilteringError.alreadyDecided(id, document.requests[index].state) }
            guard day >= document.requests[index].requestedOn else { throw FilteringError.missing("a decision date on or after the request (\(document.requests[index].requestedOn))") }
            document.requests[index].decision = decision
            document.requests[index].decidedBy = workspace.actor
            document.requests[index].decidedOn = day
            document.requests[index].allowed = scope
            document.requests[index].why = reason
            transaction.recordID = id
            transaction.summary = "\(workspace.actor.name) \(decision.rawValue) unblock request \(id) (\(document.requests[index].site)) on \(day)"
                + (decision == .approved ? ": allowed \(scope)" : "") + "; why: \(reason)"
        }
    }

    // MARK: Internals

    static func makeID(_ kind: String, _ number: Int) -> String { "\(kind)-" + String(format: "%04d", number) }

    private func required(_ text: String, _ what: String) throws -> String {
        let value = text.trimmed
        guard !value.isEmpty else { throw FilteringError.missing(what) }
        return value
    }

    private func refuseFuture(_ date: CivilDate) throws {
        guard date <= workspace.today else { throw FilteringError.inTheFuture(date) }
    }

    /// Applies a change to the log as last committed, commits it, then keeps it.
    private func change(action: String, _ body: (inout FilteringDocument, StoreTransaction) throws -> Void) throws {
        var copy = try log()
        try store.commit(actor: workspace.actor, action: action) { transaction in
            if !transaction.isUnchanged(Self.document) { copy = try store.load(FilteringDocument.self, from: Self.document) ?? copy }
            try body(&copy, transaction)
            try transaction.write(copy, to: Self.document)
        }
        loaded = copy
    }
}

/// `filtering/log.json`.
struct FilteringDocument: Codable, Equatable {
    var checks: [FilteringCheck] = []
    var reviews: [FilteringReview] = []
    var requests: [UnblockRequest] = []
}
