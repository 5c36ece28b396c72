import CivilTime

/// Something the policies ask the school to do again and again: review the policy, meet, audit,
/// train. It names the policy passage that asks for it, the role that owns it, how often it falls
/// due, and everything recorded about it so far.
public struct ReviewItem: Codable, Hashable, Sendable, Identifiable {
    /// A stable id such as "policy-review".
    public var id: String
    /// What it is, in a few words: "Review the e-safety policy with the governors".
    public var title: String
    /// What doing it involves.
    public var detail: String
    /// Which policy, and which part of it, asks for it.
    public var source: String
    /// The role in the role directory that owns it.
    public var ownerRoleID: String
    public var cadence: ReviewCadence
    /// Optional items are suggested, never overdue; `optionalReason` says why.
    public var isOptional: Bool
    public var optionalReason: String
    /// When it is due if it has never been recorded as done.
    public var firstDue: CivilDate
    /// Every time it was done, oldest first.
    public private(set) var history: [ReviewCompletion]

    public init(id: String, title: String, detail: String = "", source: String, ownerRoleID: String, cadence: ReviewCadence,
                isOptional: Bool = false, optionalReason: String = "", firstDue: CivilDate, history: [ReviewCompletion] = []) {
        self.id = id; self.title = title; self.detail = detail; self.source = source; self.ownerRoleID = ownerRoleID
        self.cadence = cadence; self.isOptional = isOptional; self.optionalReason = optionalReason
        self.firstDue = firstDue; self.history = history.sorted { $0.date < $1.date }
    }

    /// The most recent time it was done.
    public var lastDone: ReviewCompletion? { history.last }

    /// When it is next due: from the last time it was done and its cadence, else `firstDue`.
    public func nextDue(calendar: SchoolCalendar) -> CivilDate {
        guard let last = lastDone else { return firstDue }
        return cadence.nextDue(afterDoneOn: last.date, calendar: calendar)
    }

    /// Adds a completion to the history, keeping it in date order (a late entry for an earlier
    /// date goes in its place; the next due date follows the latest).
    mutating func record(_ completion: ReviewCompletion) {
        let index = history.firstIndex { $0.date > completion.date } ?? history.endIndex
        history.insert(completion, at: index)
    }
}
