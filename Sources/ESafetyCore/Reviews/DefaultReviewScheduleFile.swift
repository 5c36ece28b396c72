import CivilTime

/// `Resources/defaults/review-schedule.json`: the default review items without due dates (they
/// follow from the day the store is made) and the policy documents' headers.
struct DefaultReviewScheduleFile: Decodable {
    /// One review item as the file gives it, read straight into a ``ReviewItem``:
    /// `isOptional` and `optionalReason` may be left out, and the first due date is a stand-in
    /// (1 January 1970) until ``DefaultReviewSchedule/make(start:calendar:)`` works it out.
    struct Item: Decodable {
        var item: ReviewItem

        private enum Key: String, CodingKey { case id, title, detail, source, ownerRoleID, cadence, isOptional, optionalReason }

        init(from decoder: any Decoder) throws {
            let file = try decoder.container(keyedBy: Key.self)
            func text(_ key: Key) throws -> String { try file.decode(String.self, forKey: key) }
            item = ReviewItem(id: try text(.id), title: try text(.title), detail: try text(.detail), source: try text(.source),
                              ownerRoleID: try text(.ownerRoleID), cadence: try file.decode(ReviewCadence.self, forKey: .cadence),
                              isOptional: try file.decodeIfPresent(Bool.self, forKey: .isOptional) ?? false,
                              optionalReason: try file.decodeIfPresent(String.self, forKey: .optionalReason) ?? "",
                              firstDue: CivilDate(year: 1970, month: 1, day: 1)!)
        }
    }

    var items: [Item]
    var documents: [PolicyDocument]
}
