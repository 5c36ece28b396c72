import CivilTime
import ESafetyCore
import TerminalUI

/// The school's term dates (Settings › Term dates): each term's first and last day. Enter edits
/// one. Until the school saves its own, the dates are placeholders and the screen says so.
@MainActor
enum TermDatesScreen {
    /// "Tue 01/09/2026".
    static func day(_ date: CivilDate) -> String { String(CivilDate.weekdayNames[date.weekday - 1].prefix(3)) + " " + date.description }

    /// Only an administrator may change term dates: anyone else sees them read-only, told so.
    static func access(_ context: AppContext) -> EditAccess { EditAccess(.editSettings, what: "term dates", context: context) }

    static func screen(context: AppContext) -> ListScreen<SchoolTerm> {
        let calendar = { context.workspace.reviews.calendar }
        let list = ListScreen<SchoolTerm>(
            title: "Term dates", help: { context.help("term-dates") },
            columns: [
                ListColumn("Term", .fixed(14)) { $0.name },
                ListColumn("School year", .fixed(11)) { "\($0.academicYear)-\(String($0.academicYear + 1).suffix(2))" },
                ListColumn("First day", .flexible(min: 14)) { day($0.start) },
                ListColumn("Last day", .flexible(min: 14)) { day($0.end) },
            ],
            rows: { calendar().terms },
            heading: { _ in
                let confirmed = calendar().confirmed
                let heading = access(context).notice.map { confirmed ? $0 : "PLACEHOLDER dates. \($0)" }
                    ?? (confirmed ? "The school's own term dates" : "PLACEHOLDER dates, not your authority's: edit each term to your school's dates")
                return [(heading, confirmed ? .dim : .warning)]
            },
            entries: {
                let edit = Action(.edit, keys: [.enter, .function(4), .character("e")], label: "Edit", help: "Change the selected term's first and last days", inBar: true)
                return access(context).offering([.onRow(edit) { form(context: context, term: $0) }])
            })
        list.unboundEnter = { access(context).refusal }
        let today = context.workspace.today
        list.table.selectedIndex = calendar().terms.firstIndex { $0.end >= today }
        return list
    }

    private static func form(context: AppContext, term: SchoolTerm) -> ScreenResponse {
        let start = DateField(date: term.start)
        let end = DateField(date: term.end)
        let form = Form(fields: [
            Form.Field(label: "First day", widget: start, required: true, help: "The first day pupils are in (dd/mm/yyyy)"),
            Form.Field(label: "Last day", widget: end, required: true, help: "The last day of term (dd/mm/yyyy)"),
        ])
        let base = EditBase(term, document: ReviewsArea.Documents.calendar, context: context) { [context] in
            context.workspace.reviews.calendar.terms.first { $0.key == term.key }
        }
        return .push(FormScreen(title: term.name, helpText: context.help("term-dates"), form: form, staleNotice: base.staleNotice) { [context] in
            guard let first = start.date, let last = end.date else { throw ReviewError.badTermDates("both days are needed") }
            var updated = term
            updated.start = first
            updated.end = last
            try base.save { try context.workspace.reviews.updateTerm(updated, basedOn: $0) }
            return .message("Saved \(updated.name): \(first) to \(last).", .success)
        })
    }
}
