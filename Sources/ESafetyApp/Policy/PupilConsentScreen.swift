import CivilTime
import ESafetyCore
import TerminalUI

/// One pupil's consent, use by use, with every form and withdrawal; `f` records a returned
/// form, `w` a withdrawal.
final class PupilConsentScreen: TextPageScreen, Screen {
    private let pupil: RosterPerson

    init(context: AppContext, pupil: RosterPerson) {
        self.pupil = pupil
        super.init(context: context)
        reload()
    }

    var title: String { "Consent: \(pupil.fullName)" }
    var helpText: String { context.help("policy-pupil") }
    var actions: ActionTable {
        var list: [Action] = []
        if context.workspace.can(.recordConsent) {
            list.append(Action(.form, keys: [.character("f")], label: "Form", help: "Record a returned consent form", inBar: true))
            list.append(Action(.withdraw, keys: [.character("w")], label: "Withdraw", help: "Record that consent was withdrawn", inBar: true))
        }
        return ActionTable(list).merged(with: view.actions)
    }

    func willAppear() { reload() }
    func stateDidChange() { reload() }

    private func reload() {
        let consent = context.workspace.consents.consent(of: pupil.id)
        var lines = ["\(pupil.fullName)  \(pupil.className.map { "class \($0)" } ?? "")  \(pupil.id)", ""]
        for use in ConsentUse.allCases {
            lines.append("  " + use.title.padding(toLength: 24, withPad: " ", startingAt: 0) + consent.state(use).word)
        }
        lines += ["", "History"]
        if consent.history.isEmpty { lines.append("  No consent form returned: not to be photographed.") }
        for event in consent.history.reversed() {
            let what = event.kind == .given
                ? "form \(event.formVersion ?? ""): given for " + (event.uses.isEmpty ? "nothing" : event.uses.map(\.title).joined(separator: ", "))
                : "withdrew " + event.uses.map(\.title).joined(separator: ", ")
            lines.append("  \(event.on)  \(event.by): \(what); entered by \(event.recordedBy.name)")
        }
        view.text = lines.joined(separator: "\n")
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .form: return .push(ConsentForms.record(context: context, pupil: pupil))
        case .withdraw: return .push(ConsentForms.withdraw(context: context, pupil: pupil))
        default: return .unhandled
        }
    }
}

/// The forms that record a returned consent form and a withdrawal.
@MainActor
enum ConsentForms {
    private static func uses(_ selection: Set<ConsentUse> = []) -> CheckListField<ConsentUse> {
        CheckListField(options: ConsentUse.allCases.map { FieldOption($0.title, value: $0) }, selection: selection)
    }

    static func record(context: AppContext, pupil: RosterPerson) -> any Screen {
        let given = uses()
        let by = TextField(maxLength: 120, placeholder: "the parent or carer who signed")
        let date = DateField(date: context.workspace.today, latest: context.workspace.today)
        let version = TextField(maxLength: 40, placeholder: "e.g. 2026-v1")
        let form = Form(fields: [
            Form.Field(label: "Consent given for", widget: given, help: "Space ticks; a use left unticked is refused"),
            Form.Field(label: "Signed by", widget: by, required: true),
            Form.Field(label: "Date on the form", widget: date, required: true),
            Form.Field(label: "Form version", widget: version, required: true),
        ])
        return FormScreen(title: "Consent form: \(pupil.fullName)", helpText: context.help("policy-form"), form: form) {
            try context.workspace.consents.recordForm(personID: pupil.id, given: given.selection, by: by.text,
                                                      on: date.date ?? context.workspace.today, formVersion: version.text)
            return .message("Recorded the consent form for \(pupil.fullName).", .success)
        }
    }

    static func withdraw(context: AppContext, pupil: RosterPerson) -> any Screen {
        let current = context.workspace.consents.consent(of: pupil.id)
        let withdrawn = uses(Set(ConsentUse.allCases.filter(current.allows)))
        let by = TextField(maxLength: 120, placeholder: "who withdrew it")
        let date = DateField(date: context.workspace.today, latest: context.workspace.today)
        let form = Form(fields: [
            Form.Field(label: "Withdrawn for", widget: withdrawn, help: "The uses consent is withdrawn for"),
            Form.Field(label: "Withdrawn by", widget: by, required: true),
            Form.Field(label: "Date", widget: date, required: true),
        ])
        return FormScreen(title: "Withdraw consent: \(pupil.fullName)", helpText: context.help("policy-form"), form: form) {
            try context.workspace.consents.withdraw(personID: pupil.id, uses: withdrawn.selection, by: by.text, on: date.date ?? context.workspace.today)
            let review = try context.workspace.consents.imagesToReview().filter { $0.pupils.contains { $0.id == pupil.id } }
            return .message("Recorded the withdrawal." + (review.isEmpty ? "" : " \(review.count) image\(review.count == 1 ? "" : "s") in use to review."),
                            review.isEmpty ? .success : .warning)
        }
    }
}
