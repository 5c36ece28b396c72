import ESafetyCore
import TerminalUI

/// Edit one external contact and mark it as checked.
@MainActor
final class ContactFormScreen: Screen {
    private let context: AppContext
    private let original: ExternalContact
    private let contactName: TextField
    private let phone: TextField
    private let email: TextField
    private let purpose: TextArea
    private let checked: ChoiceField<Bool>
    private let form: Form

    init(context: AppContext, contact: ExternalContact) {
        self.context = context
        original = contact
        contactName = TextField(text: contact.contactName, maxLength: 120, placeholder: "a named person, if you have one")
        phone = TextField(text: contact.phone, maxLength: 40)
        email = TextField(text: contact.email, maxLength: 160)
        purpose = TextArea(text: contact.purpose)
        checked = ChoiceField(options: [(label: "Checked", value: true), (label: "Not yet", value: false)], selection: contact.confirmed)
        form = Form(fields: [
            Form.Field(label: "Contact name", widget: contactName),
            Form.Field(label: "Phone", widget: phone),
            Form.Field(label: "Email", widget: email),
            Form.Field(label: "When to use it", widget: purpose),
            Form.Field(label: "Details checked", widget: checked, help: "Mark as checked once you have confirmed these details are current"),
        ])
    }

    var title: String { original.service }
    var helpText: String { context.help("contact-form") }
    var hasUnsavedChanges: Bool { form.isDirty }
    var actions: ActionTable { ActionTable([CommonActions.save]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write(original.service, at: Point(x: rect.x + 2, y: rect.y), style: .heading, clip: rect)
        form.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        form.handle(key: key) == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "save" else { return .unhandled }
        guard form.validate() else { return .message("Please correct the fields marked in red.", .error) }
        var contact = original
        contact.contactName = contactName.text
        contact.phone = phone.text
        contact.email = email.text
        contact.purpose = purpose.text
        contact.confirmed = checked.selection ?? false
        switch context.attempt({ try context.workspace.updateExternalContact(contact) }) {
        case .success:
            form.markClean()
            return .sequence([.popDiscarding, .message("Saved \(contact.service).", .success)])
        case .failure(let failure):
            return failure.response
        }
    }
}
