import CivilTime
import ESafetyCore
import TerminalUI

/// The home dashboard's reviews: overdue items first, then those due soon; "Nothing overdue"
/// when there is none. Each line opens its item; the summary line opens the schedule.
@MainActor
struct ReviewsDashboardSection: DashboardSection {
    let title = "Reviews"

    func lines(context: AppContext, today: CivilDate) -> [DashboardLine] {
        let reviews = context.workspace.reviews
        let list = reviews.schedule.dueList(calendar: reviews.calendar, today: today)
        let overdue = list.filter { $0.state == .overdue }
        let soon = list.filter { $0.state == .dueSoon }
        var lines: [DashboardLine] = []
        if overdue.isEmpty {
            lines.append(DashboardLine("✓ Nothing overdue", style: .success) { ReviewsScreen.open(context: context) })
        }
        for due in overdue + soon {
            let when = DisplayWidth.pad(due.whenInWords, to: 17)
            lines.append(DashboardLine("\(when) \(due.item.title)", style: due.style) {
                .push(ReviewItemScreen(context: context, itemID: due.item.id))
            })
        }
        if soon.isEmpty {
            lines.append(DashboardLine("Nothing else due in the next \(ReviewSchedule.soonDays) days", style: .dim) {
                ReviewsScreen.open(context: context)
            })
        }
        return lines
    }

    func openArea(context: AppContext) -> ScreenResponse { ReviewsScreen.open(context: context) }
}
