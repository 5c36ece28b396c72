import ESafetyCore
import TerminalUI

/// The school's details printed on every incident report, and where report copies go.
@MainActor
enum ProfileForm {
    /// The form for an administrator; for anyone else the same form read-only, saying so.
    static func screen(context: AppContext) -> any Screen {
        let profile = context.workspace.profile
        let access = EditAccess(.editSettings, what: "the school profile", context: context)
        let schoolName = TextField(text: profile.schoolName, maxLength: 160)
        let address = TextArea(text: profile.address)
        let authority = TextField(text: profile.localAuthority, maxLength: 160)
        let copyEmail = TextField(text: profile.reportCopyEmail, maxLength: 160)
        let directory = context.workspace.directory
        let leads = directory.holders(of: Role.WellKnown.esafetyLead) + directory.holders(of: Role.WellKnown.headTeacher)
        var options: [(label: String, value: String)] = [(label: "First e-safety lead", value: "")]
        for person in leads where !options.contains(where: { $0.value == person.id }) {
            options.append((label: person.fullName, value: person.id))
        }
        let contactOfficer = ChoiceField(options: options, selection: profile.esafetyContactPersonID ?? "")
        let form = Form(fields: [
            Form.Field(label: "School name", widget: schoolName, required: true),
            Form.Field(label: "Address", widget: address, required: true),
            Form.Field(label: "Local authority", widget: authority),
            Form.Field(label: "E-safety contact", widget: contactOfficer, help: "Printed on incident reports as the e-safety contact officer"),
            Form.Field(label: "Report copies to", widget: copyEmail, help: "The local authority e-safety officer's email, for the copy of each incident report"),
        ])
        let hint: @MainActor () -> (String, Style) = {
            context.workspace.profile.confirmed
                ? ("Tab moves between fields; F2 saves", .dim)
                : ("These are placeholders until you save them: check each one, then F2", .warning)
        }
        let base = EditBase(profile, document: DocumentName.profile, context: context) { context.workspace.profile }
        return FormScreen(title: "School profile", helpText: context.help("profile"), form: form, hint: hint, staleNotice: base.staleNotice,
                          access: access) {
            var updated = base.original ?? context.workspace.profile
            updated.schoolName = schoolName.text
            updated.address = address.text
            updated.localAuthority = authority.text
            updated.reportCopyEmail = copyEmail.text
            let officer = contactOfficer.selection ?? ""
            updated.esafetyContactPersonID = officer.isEmpty ? nil : officer
            updated.confirmed = true
            try base.save { try context.workspace.updateProfile(updated, basedOn: $0) }
            return .message("Saved the school profile.", .success)
        }
    }
}
