import ESafetyCore
import TerminalUI

/// The review schedule: every item with its next due date and term, soonest first. Enter opens
/// an item; F5 records the selected item as done.
@MainActor
final class ReviewsScreen: Screen {
    private let context: AppContext
    private let table: TableView<ReviewDue>

    init(context: AppContext) {
        self.context = context
        let workspace = context.workspace
        table = TableView(
            columns: Self.columns(wide: false),
            rows: workspace.reviews.dueList(),
            cells: { due in
                [due.due.description, due.stateText, due.item.title, workspace.reviews.calendar.label(for: due.due),
                 workspace.roleName(due.item.ownerRoleID)]
            })
    }

    /// Due, state, item and term; the owner too when there is room.
    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn(title: "Due", width: .fixed(10)),
            TableColumn(title: "State", width: .fixed(16)),
            TableColumn(title: "Item", width: .flexible(min: 30)),
            TableColumn(title: "Term", width: wide ? .fixed(22) : .flexible(min: 11)),
        ]
        if wide { columns.append(TableColumn(title: "Owner", width: .flexible(min: 20))) }
        return columns
    }

    let title = "Review schedule"
    var helpText: String { context.help("reviews") }

    var actions: ActionTable {
        ActionTable([CommonActions.open] + ReviewActions.access(context).offering([ReviewActions.markDone]) + [
            Action("documents", keys: [.function(6), .character("p")], label: "Policies", help: "The policy documents' headers: written by, approved by, review cycle", inBar: true),
            Action("terms", keys: [.character("t")], label: "Terms", help: "The school's term dates"),
            CommonActions.filter,
        ])
    }

    func willAppear() { table.rows = context.workspace.reviews.dueList() }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let reviews = context.workspace.reviews
        let wide = rect.width >= 110
        if table.columns.count != Self.columns(wide: wide).count { table.columns = Self.columns(wide: wide) }
        let list = table.rows
        let overdue = list.filter { $0.state == .overdue }.count
        let soon = list.filter { $0.state == .dueSoon }.count
        var summary = overdue == 0 ? "Nothing overdue" : "\(overdue) overdue"
        summary += soon == 0 ? "; nothing due in the next \(ReviewSchedule.soonDays) days" : "; \(soon) due in the next \(ReviewSchedule.soonDays) days"
        canvas.write(summary, at: Point(x: rect.x + 1, y: rect.y), style: overdue == 0 ? .success : .error, clip: rect)
        var top = 1
        if let problem = reviews.loadProblem {
            canvas.write("Cannot read the stored schedule: \(problem)", at: Point(x: rect.x + 1, y: rect.y + 1), style: .error, clip: rect)
            top += 1
        } else if !reviews.calendar.confirmed {
            // Only an administrator may enter term dates: nobody else is invited to.
            canvas.write(TermDatesScreen.access(context).mayEdit ? "Term dates are placeholders: press t to enter the school's own."
                             : "Term dates are placeholders: an administrator enters the school's own in Settings.",
                         at: Point(x: rect.x + 1, y: rect.y + 1), style: .warning, clip: rect)
            top += 1
        }
        table.draw(into: &canvas, rect: rect.inset(top: top, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { perform("open") }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case "open":
            guard let due = table.selectedItem else { return .handled }
            return .push(ReviewItemScreen(context: context, itemID: due.item.id))
        case "mark-done":
            guard let due = table.selectedItem, ReviewActions.access(context).mayEdit else { return .handled }
            return .push(MarkDoneForm.screen(context: context, item: due.item))
        case "documents":
            return .push(PolicyDocumentsScreen(context: context))
        case "terms":
            return .push(TermDatesScreen(context: context))
        default:
            return .unhandled
        }
    }
}

/// Actions the review screens share.
enum ReviewActions {
    static let markDone = Action("mark-done", keys: [.function(5), .character("m")], label: "MarkDone",
                                 help: "Record the item as done: date, by whom, notes, evidence", inBar: true)

    /// The leads and the head teacher mark reviews done and change the policy headers.
    @MainActor static func access(_ context: AppContext) -> EditAccess { EditAccess(.manageReviews, what: "the review schedule", context: context) }
}
