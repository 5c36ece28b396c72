import ESafetyCore
import TerminalUI

/// Recording a paper signature with the date it was signed. From the signing screen
/// (`closesSigning`), saving closes that screen too.
@MainActor
func paperSignatureForm(context: AppContext, person: RosterPerson, closesSigning: Bool = false) -> FormScreen {
    let workspace = context.workspace
    let date = DateField(date: workspace.today, latest: workspace.today)
    let form = Form(fields: [
        Form.Field(label: "Date signed", widget: date, required: true, help: "The date written on the paper form; not in the future"),
    ])
    let kind = person.group.aup
    return FormScreen(title: "Paper: \(person.fullName)", helpText: context.help("aup-paper"), form: form,
                      hint: { ("\(person.listLabel) signed the \(kind.title) on paper. F2 records it; Esc cancels", .dim) }) {
        guard let signedOn = date.date else { throw AUPError.emptyText }
        try workspace.aup.recordPaperSignature(personID: person.id, signedOn: signedOn)
        let done = ScreenResponse.message("Recorded \(person.fullName)'s paper signature of \(signedOn).", .success)
        return closesSigning ? .sequence([.popDiscarding, done]) : done
    }
}
