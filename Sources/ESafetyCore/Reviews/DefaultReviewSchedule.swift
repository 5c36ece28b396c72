import CivilTime

/// The review items esafety starts with, each citing the policy passage (or the statutory
/// guidance) that asks for it, and the policy document header to fill in. The schedule is data,
/// in `Resources/defaults/review-schedule.json` (see ``DefaultReviewScheduleFile``); only the
/// first due dates are worked out here.
public enum DefaultReviewSchedule {
    /// Where the default schedule is kept in `Resources/`.
    static let resourcePath = "defaults/review-schedule.json"

    /// The default schedule, with items never done yet falling due from `start`.
    /// - Throws: ``DefaultResourceError`` if the built-in file is missing or invalid (a build problem).
    public static func make(start: CivilDate, calendar: SchoolCalendar) throws -> ReviewSchedule {
        let file = try DefaultResources.decode(DefaultReviewScheduleFile.self, from: resourcePath)
        let items = file.items.map { entry in
            var item = entry.item
            item.firstDue = item.cadence.firstDue(startingOn: start, calendar: calendar)
            return item
        }
        return ReviewSchedule(items: items, documents: file.documents)
    }
}
