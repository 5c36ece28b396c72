import CivilTime
import ESafetyCore
import TerminalUI

/// The school's term dates (Settings › Term dates): each term's first and last day. Enter edits
/// one. Until the school saves its own, the dates are placeholders and the screen says so.
@MainActor
final class TermDatesScreen: Screen {
    private let context: AppContext
    private let table: TableView<SchoolTerm>

    init(context: AppContext) {
        self.context = context
        table = TableView(
            columns: [
                TableColumn(title: "Term", width: .fixed(14)),
                TableColumn(title: "School year", width: .fixed(11)),
                TableColumn(title: "First day", width: .flexible(min: 14)),
                TableColumn(title: "Last day", width: .flexible(min: 14)),
            ],
            rows: context.workspace.reviews.calendar.terms,
            cells: { [$0.name, "\($0.academicYear)-\(String($0.academicYear + 1).suffix(2))", Self.day($0.start), Self.day($0.end)] })
        let today = context.workspace.today
        table.selectedIndex = context.workspace.reviews.calendar.terms.firstIndex { $0.end >= today }
    }

    /// "Tue 01/09/2026".
    static func day(_ date: CivilDate) -> String { String(CivilDate.weekdayNames[date.weekday - 1].prefix(3)) + " " + date.description }

    let title = "Term dates"
    var helpText: String { context.help("term-dates") }
    /// Only an administrator may change term dates: anyone else sees them read-only, told so.
    static func access(_ context: AppContext) -> EditAccess { EditAccess(.editSettings, what: "term dates", context: context) }
    private var access: EditAccess { Self.access(context) }
    private var mayEdit: Bool { access.mayEdit }

    var actions: ActionTable {
        ActionTable(access.offering([Action("edit", keys: [.enter, .function(4), .character("e")], label: "Edit", help: "Change the selected term's first and last days", inBar: true)]))
    }

    func willAppear() { table.rows = context.workspace.reviews.calendar.terms }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let confirmed = context.workspace.reviews.calendar.confirmed
        let heading = access.notice.map { confirmed ? $0 : "PLACEHOLDER dates. \($0)" }
            ?? (confirmed ? "The school's own term dates" : "PLACEHOLDER dates, not your authority's: edit each term to your school's dates")
        canvas.write(heading,
                     at: Point(x: rect.x + 1, y: rect.y), style: confirmed ? .dim : .warning, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { mayEdit ? perform("edit") : access.refusal }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "edit", mayEdit, let term = table.selectedItem else { return .unhandled }
        let start = DateField(date: term.start)
        let end = DateField(date: term.end)
        let form = Form(fields: [
            Form.Field(label: "First day", widget: start, required: true, help: "The first day pupils are in (dd/mm/yyyy)"),
            Form.Field(label: "Last day", widget: end, required: true, help: "The last day of term (dd/mm/yyyy)"),
        ])
        let base = EditBase(term, document: ReviewsArea.Documents.calendar, context: context) { [context] in
            context.workspace.reviews.calendar.terms.first { $0.key == term.key }
        }
        return .push(FormScreen(title: term.name, helpText: helpText, form: form, staleNotice: base.staleNotice) { [context] in
            guard let first = start.date, let last = end.date else { throw ReviewError.badTermDates("both days are needed") }
            var updated = term
            updated.start = first
            updated.end = last
            try base.save { try context.workspace.reviews.updateTerm(updated, basedOn: $0) }
            return .message("Saved \(updated.name): \(first) to \(last).", .success)
        })
    }
}
