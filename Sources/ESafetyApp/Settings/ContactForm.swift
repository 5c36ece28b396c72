import ESafetyCore
import TerminalUI

/// Edit one external contact and mark it as checked (read-only for anyone but an administrator).
@MainActor
enum ContactForm {
    static func screen(context: AppContext, contact original: ExternalContact) -> FormScreen {
        let contactName = TextField(text: original.contactName, maxLength: 120, placeholder: "a named person, if you have one")
        let phone = TextField(text: original.phone, maxLength: 40)
        let email = TextField(text: original.email, maxLength: 160)
        let purpose = TextArea(text: original.purpose)
        let checked = ChoiceField(options: [(label: "Checked", value: true), (label: "Not yet", value: false)], selection: original.confirmed)
        let form = Form(fields: [
            Form.Field(label: "Contact name", widget: contactName),
            Form.Field(label: "Phone", widget: phone),
            Form.Field(label: "Email", widget: email),
            Form.Field(label: "When to use it", widget: purpose),
            Form.Field(label: "Details checked", widget: checked, help: "Mark as checked once you have confirmed these details are current"),
        ])
        let base = EditBase(original, document: DocumentName.profile, context: context) {
            context.workspace.profile.externalContacts.first { $0.id == original.id }
        }
        return FormScreen(title: original.service, helpText: context.help("contact-form"), form: form, staleNotice: base.staleNotice,
                          access: ContactsScreen.access(context)) {
            var contact = base.original ?? original
            contact.contactName = contactName.text
            contact.phone = phone.text
            contact.email = email.text
            contact.purpose = purpose.text
            contact.confirmed = checked.selection ?? false
            try base.save { try context.workspace.updateExternalContact(contact, basedOn: $0) }
            return .message("Saved \(contact.service).", .success)
        }
    }
}
