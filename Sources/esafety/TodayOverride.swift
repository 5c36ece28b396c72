import CivilTime
import ESafetyCore
import Foundation

/// `ESAFETY_TODAY=yyyy-mm-dd` fixes what "today" is for the whole run (due dates, overdue
/// lists, new records): for demonstrations and for end-to-end tests that need fixed dates.
enum TodayOverride {
    static let variable = "ESAFETY_TODAY"

    /// The clock to use: noon on the given day in the local time zone, or the real clock.
    static func clock(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> () -> Date {
        guard let text = environment[variable], !text.isEmpty else { return { Date() } }
        guard case .success(let day) = CivilDate.parse(text) else {
            throw UserFacingError("\(variable)=\(text) is not a date: use yyyy-mm-dd.")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
        return { noon }
    }
}
