import ESafetyCore
import TerminalUI

/// The school's details printed on every incident report, and where report copies go.
@MainActor
final class ProfileFormScreen: Screen {
    private let context: AppContext
    private let schoolName: TextField
    private let address: TextArea
    private let authority: TextField
    private let copyEmail: TextField
    private let contactOfficer: ChoiceField<String>
    private let form: Form

    init(context: AppContext) {
        self.context = context
        let profile = context.workspace.profile
        schoolName = TextField(text: profile.schoolName, maxLength: 160)
        address = TextArea(text: profile.address)
        authority = TextField(text: profile.localAuthority, maxLength: 160)
        copyEmail = TextField(text: profile.reportCopyEmail, maxLength: 160)
        let directory = context.workspace.directory
        let leads = directory.holders(of: Role.WellKnown.esafetyLead) + directory.holders(of: Role.WellKnown.headTeacher)
        var options: [(label: String, value: String)] = [(label: "First e-safety lead", value: "")]
        for person in leads where !options.contains(where: { $0.value == person.id }) {
            options.append((label: person.fullName, value: person.id))
        }
        contactOfficer = ChoiceField(options: options, selection: profile.esafetyContactPersonID ?? "")
        form = Form(fields: [
            Form.Field(label: "School name", widget: schoolName, required: true),
            Form.Field(label: "Address", widget: address, required: true),
            Form.Field(label: "Local authority", widget: authority),
            Form.Field(label: "E-safety contact", widget: contactOfficer, help: "Printed on incident reports as the e-safety contact officer"),
            Form.Field(label: "Report copies to", widget: copyEmail, help: "The local authority e-safety officer's email, for the copy of each incident report"),
        ])
    }

    let title = "School profile"
    var helpText: String { context.help("profile") }
    var hasUnsavedChanges: Bool { form.isDirty }
    var actions: ActionTable { ActionTable([CommonActions.save]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let note = context.workspace.profile.confirmed ? "Tab moves between fields; F2 saves" : "These are placeholders until you save them: check each one, then F2"
        canvas.write(note, at: Point(x: rect.x + 2, y: rect.y), style: context.workspace.profile.confirmed ? .dim : .warning, clip: rect)
        form.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse {
        form.handle(key: key) == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "save" else { return .unhandled }
        guard form.validate() else { return .message("Please correct the fields marked in red.", .error) }
        var profile = context.workspace.profile
        profile.schoolName = schoolName.text
        profile.address = address.text
        profile.localAuthority = authority.text
        profile.reportCopyEmail = copyEmail.text
        let officer = contactOfficer.selection ?? ""
        profile.esafetyContactPersonID = officer.isEmpty ? nil : officer
        profile.confirmed = true
        switch context.attempt({ try context.workspace.updateProfile(profile) }) {
        case .success:
            form.markClean()
            return .sequence([.popDiscarding, .message("Saved the school profile.", .success)])
        case .failure(let failure):
            return failure.response
        }
    }
}
