import ESafetyCore
import TerminalUI

/// Add a person to the directory, or edit one: name (required), title, phone, email, notes.
@MainActor
enum PersonForm {
    static func screen(context: AppContext, person: Person?, onSaved: @escaping @MainActor (Person) -> ScreenResponse) -> FormScreen {
        let name = TextField(text: person?.fullName ?? "", maxLength: 120, placeholder: "full name, not initials")
        let jobTitle = TextField(text: person?.title ?? "", maxLength: 120, placeholder: "e.g. Year 4 teacher")
        let phone = TextField(text: person?.phone ?? "", maxLength: 40)
        let email = TextField(text: person?.email ?? "", maxLength: 120)
        let notes = TextArea(text: person?.notes ?? "")
        let form = Form(fields: [
            Form.Field(label: "Full name", widget: name, required: true, help: "As it should appear in records: initials are unreadable years later"),
            Form.Field(label: "Title", widget: jobTitle),
            Form.Field(label: "Phone", widget: phone),
            Form.Field(label: "Email", widget: email),
            Form.Field(label: "Notes", widget: notes),
        ])
        let base = EditBase(person, document: DocumentName.directory, context: context) { [id = person?.id] in
            id.flatMap { context.workspace.directory.person($0) }
        }
        return FormScreen(title: person.map { "Edit \($0.fullName)" } ?? "New person", helpText: context.help("person-form"), form: form,
                          staleNotice: base.staleNotice) {
            if var person {
                person.fullName = name.text
                person.title = jobTitle.text
                person.phone = phone.text
                person.email = email.text
                person.notes = notes.text
                try base.save { try context.workspace.updatePerson(person, basedOn: $0) }
                return onSaved(person)
            }
            let added = try context.workspace.addPerson(fullName: name.text, title: jobTitle.text, phone: phone.text, email: email.text, notes: notes.text)
            return onSaved(added)
        }
    }
}
