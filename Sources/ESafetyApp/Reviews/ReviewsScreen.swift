import ESafetyCore
import TerminalUI

/// The review schedule: every item with its next due date and term, soonest first. Enter opens
/// an item; F5 records the selected item as done.
@MainActor
enum ReviewsScreen: AreaEntry {
    /// The area's entry point: the schedule itself.
    static func open(context: AppContext) -> ScreenResponse { .push(screen(context: context)) }

    /// Due, state, item and term; the owner too when there is room.
    static func columns(wide: Bool) -> [TableColumn] {
        var columns = [
            TableColumn(title: "Due", width: .fixed(10)),
            TableColumn(title: "State", width: .fixed(16)),
            TableColumn(title: "Item", width: .flexible(min: 30)),
            TableColumn(title: "Term", width: .flexible(min: 11)),
        ]
        if wide { columns.append(TableColumn(title: "Owner", width: .flexible(min: 20))) }
        return columns
    }

    static func screen(context: AppContext) -> ListScreen<ReviewDue> {
        let workspace = context.workspace
        let list = ListScreen<ReviewDue>(
            title: "Review schedule", help: { context.help("reviews") },
            columns: columns(wide: false),
            rows: { workspace.reviews.dueList() },
            cells: { due in
                [due.due.description, due.stateText, due.item.title, workspace.reviews.calendar.label(for: due.due),
                 workspace.roleName(due.item.ownerRoleID)]
            },
            heading: { list in heading(list, context: context) },
            entries: {
                [.onRow(CommonActions.open) { .push(ReviewItemScreen(context: context, itemID: $0.item.id)) }]
                    + ReviewActions.access(context).offering([.onRow(ReviewActions.markDone) { .push(MarkDoneForm.screen(context: context, item: $0.item)) }])
                    + [
                        .always(Action(.documents, keys: [.function(6), .character("p")], label: "Policies", help: "The policy documents' headers: written by, approved by, review cycle", inBar: true)) {
                            .push(PolicyDocumentsScreen.screen(context: context))
                        },
                        .always(Action(.terms, keys: [.character("t")], label: "Terms", help: "The school's term dates")) {
                            .push(TermDatesScreen.screen(context: context))
                        },
                    ]
            })
        list.columnsForWidth = { columns(wide: $0 >= 110) }
        return list
    }

    /// What is overdue and due soon, and a line when the schedule cannot be read or the term dates are placeholders.
    private static func heading(_ list: [ReviewDue], context: AppContext) -> [(text: String, style: Style)] {
        let reviews = context.workspace.reviews
        let overdue = list.filter { $0.state == .overdue }.count
        let soon = list.filter { $0.state == .dueSoon }.count
        var summary = overdue == 0 ? "Nothing overdue" : "\(overdue) overdue"
        summary += soon == 0 ? "; nothing due in the next \(ReviewSchedule.soonDays) days" : "; \(soon) due in the next \(ReviewSchedule.soonDays) days"
        var lines: [(text: String, style: Style)] = [(summary, overdue == 0 ? .success : .error)]
        if let problem = reviews.loadProblem {
            lines.append(("Cannot read the stored schedule: \(problem)", .error))
        } else if !reviews.calendar.confirmed {
            // Only an administrator may enter term dates: nobody else is invited to.
            lines.append((TermDatesScreen.access(context).mayEdit ? "Term dates are placeholders: press t to enter the school's own."
                              : "Term dates are placeholders: an administrator enters the school's own in Settings.", .warning))
        }
        return lines
    }
}

/// Actions the review screens share.
enum ReviewActions {
    static let markDone = Action(.markDone, keys: [.function(5), .character("m")], label: "MarkDone",
                                 help: "Record the item as done: date, by whom, notes, evidence", inBar: true)

    /// The leads and the head teacher mark reviews done and change the policy headers.
    @MainActor static func access(_ context: AppContext) -> EditAccess { EditAccess(.manageReviews, what: "the review schedule", context: context) }
}
