import CivilTime

/// The review schedule: the items the policies ask for and the policy documents' own headers.
/// A plain value: its rules are in its mutating methods, tested without files.
public struct ReviewSchedule: Codable, Equatable, Sendable {
    /// Items due within this many days count as "due soon".
    public static let soonDays = 30

    public private(set) var items: [ReviewItem]
    public var documents: [PolicyDocument]

    public init(items: [ReviewItem], documents: [PolicyDocument]) {
        self.items = items; self.documents = documents
    }

    public func item(_ id: String) -> ReviewItem? { items.first { $0.id == id } }

    /// Records an item as done. Its next due date then follows from its cadence.
    /// - Throws: ``ReviewError`` for an unknown item, a date after `today`, or no one named as doing it.
    public mutating func markDone(_ itemID: String, _ completion: ReviewCompletion, today: CivilDate) throws {
        guard let index = items.firstIndex(where: { $0.id == itemID }) else { throw ReviewError.unknownItem(itemID) }
        guard completion.date <= today else { throw ReviewError.doneInTheFuture(completion.date.description) }
        var entry = completion
        entry.doneBy = entry.doneBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !entry.doneBy.isEmpty else { throw ReviewError.missingDoneBy }
        entry.notes = entry.notes.trimmingCharacters(in: .whitespacesAndNewlines)
        entry.evidence = entry.evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        items[index].record(entry)
    }

    /// Every item with its due date and state on `today`, soonest first (optional items last).
    public func dueList(calendar: SchoolCalendar, today: CivilDate, soonDays: Int = soonDays) -> [ReviewDue] {
        items.map { ReviewDue(item: $0, calendar: calendar, today: today, soonDays: soonDays) }
            .sorted { ($0.state == .optional ? 1 : 0, $0.due, $0.item.title) < ($1.state == .optional ? 1 : 0, $1.due, $1.item.title) }
    }
}
