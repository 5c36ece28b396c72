import ESafetyCore
import TerminalUI

/// Add a person to the directory, or edit one: name (required), title, phone, email, notes.
@MainActor
final class PersonFormScreen: Screen {
    private let context: AppContext
    private let original: Person?
    private let onSaved: @MainActor (Person) -> ScreenResponse
    private let name: TextField
    private let jobTitle: TextField
    private let phone: TextField
    private let email: TextField
    private let notes: TextArea
    private let form: Form

    init(context: AppContext, person: Person?, onSaved: @escaping @MainActor (Person) -> ScreenResponse) {
        self.context = context
        self.original = person
        self.onSaved = onSaved
        name = TextField(text: person?.fullName ?? "", maxLength: 120, placeholder: "full name, not initials")
        jobTitle = TextField(text: person?.title ?? "", maxLength: 120, placeholder: "e.g. Year 4 teacher")
        phone = TextField(text: person?.phone ?? "", maxLength: 40)
        email = TextField(text: person?.email ?? "", maxLength: 120)
        notes = TextArea(text: person?.notes ?? "")
        form = Form(fields: [
            Form.Field(label: "Full name", widget: name, required: true, help: "As it should appear in records: initials are unreadable years later"),
            Form.Field(label: "Title", widget: jobTitle),
            Form.Field(label: "Phone", widget: phone),
            Form.Field(label: "Email", widget: email),
            Form.Field(label: "Notes", widget: notes),
        ])
    }

    var title: String { original == nil ? "New person" : "Edit \(original!.fullName)" }
    var helpText: String { context.help("person-form") }
    var hasUnsavedChanges: Bool { form.isDirty }

    var actions: ActionTable { ActionTable([CommonActions.save]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Tab moves between fields; F2 saves; Esc cancels", at: Point(x: rect.x + 2, y: rect.y), style: .dim, clip: rect)
        form.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        switch form.handle(key: key) {
        case .handled, .changed, .activated: return .handled
        case .unhandled: return .unhandled
        }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "save" else { return .unhandled }
        guard form.validate() else { return .message("Please correct the fields marked in red.", .error) }
        let result = context.attempt { () throws -> Person in
            if var person = original {
                person.fullName = name.text
                person.title = jobTitle.text
                person.phone = phone.text
                person.email = email.text
                person.notes = notes.text
                try context.workspace.updatePerson(person)
                return person
            }
            return try context.workspace.addPerson(fullName: name.text, title: jobTitle.text, phone: phone.text, email: email.text, notes: notes.text)
        }
        switch result {
        case .success(let person):
            form.markClean()
            return .sequence([.popDiscarding, onSaved(person)])
        case .failure(let failure):
            return failure.response
        }
    }
}
