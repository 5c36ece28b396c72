import ESafetyCore
import TerminalUI

/// Record a review item as done: the date, who did it, notes and where the evidence is.
@MainActor
enum MarkDoneForm {
    static func screen(context: AppContext, item: ReviewItem) -> FormScreen {
        let workspace = context.workspace
        let today = workspace.today
        let date = DateField(date: today, latest: today)
        let owner = workspace.directory.holders(of: item.ownerRoleID).first?.fullName ?? ""
        let doneBy = TextField(text: owner, maxLength: 160, placeholder: "who did it")
        let notes = TextArea(text: "")
        let evidence = TextField(text: "", maxLength: 200, placeholder: "minutes, report or file reference")
        let form = Form(fields: [
            Form.Field(label: "Date done", widget: date, required: true, help: "The day it was done (dd/mm/yyyy); not in the future"),
            Form.Field(label: "Done by", widget: doneBy, required: true, help: "Who did it"),
            Form.Field(label: "Notes", widget: notes, help: "What was found or decided"),
            Form.Field(label: "Evidence", widget: evidence, help: "Where the record is: minutes, a report, a file name"),
        ])
        return FormScreen(title: "Mark done", helpText: context.help("mark-done"), form: form,
                          hint: { ("\(item.title): F2 saves, Esc cancels", .dim) }) {
            guard let day = date.date else { throw ReviewError.doneInTheFuture(date.text) }
            try workspace.reviews.markDone(item.id, date: day, doneBy: doneBy.text, notes: notes.text, evidence: evidence.text)
            let next = workspace.reviews.schedule.item(item.id)?.nextDue(calendar: workspace.reviews.calendar) ?? day
            return .message("Recorded as done. Next due \(workspace.reviews.describe(next)).", .success)
        }
    }
}
