import CivilTime
import ESafetyCore
import TerminalUI

/// Guests, supply staff, the technical support provider and other users: each signs the staff
/// AUP to get access, with an end date after which the signature lapses.
@MainActor
enum GuestsScreen {
    static func screen(context: AppContext) -> ListScreen<RosterPerson> {
        let workspace = context.workspace
        return ListScreen(
            title: "Guests and supply staff", help: { context.help("aup-guests") },
            columns: [
                ListColumn("Name", .flexible(min: 16)) { $0.fullName },
                ListColumn("Why", .flexible(min: 10)) { $0.note ?? "" },
                ListColumn("Until", .fixed(10)) { $0.visitUntil?.description ?? "" },
                ListColumn("Staff AUP", .fixed(18)) { guest in
                    let today = workspace.today
                    if !guest.isActive(on: today) { return "access ended" }
                    return workspace.aup.hasSigned(guest, today: today) ? "signed" : "NOT SIGNED"
                },
            ],
            rows: { workspace.aup.people(in: .guest) },
            emptyText: "No guests yet: F7 adds one.",
            heading: { _ in [("Staff AUP signatures of guests lapse after their end date. F7 adds a guest.", .dim)] },
            entries: {
                [.always(CommonActions.add) {
                    // The guest reads the staff AUP to its end before the form with their signature opens.
                    guard let staffAUP = workspace.aup.currentVersion(of: .staff) else { return AUPError.noVersion(.staff).screenResponse }
                    return .push(AUPTextScreen(context: context, version: staffAUP, next: (label: "Sign", screen: { guestForm(context: context, read: staffAUP) })))
                }]
            })
    }
}

/// A new guest or supply teacher, who has just read the staff AUP (`read`): their name, why they
/// are here, the dates of their visit, and their signature of it (they type their full name).
@MainActor
func guestForm(context: AppContext, read: AUPVersion) -> FormScreen {
    let workspace = context.workspace
    let name = TextField(maxLength: 120, placeholder: "full name")
    let note = TextField(maxLength: 80, placeholder: "e.g. Supply teacher, Technical support")
    let from = DateField(date: workspace.today)
    let until = DateField(earliest: workspace.today)
    let signature = TextField(maxLength: 120, placeholder: "the guest types their full name")
    let form = Form(fields: [
        Form.Field(label: "Full name", widget: name, required: true),
        Form.Field(label: "Why", widget: note, help: "Supply teacher, visitor, technical support provider, …"),
        Form.Field(label: "From", widget: from, required: true),
        Form.Field(label: "Until", widget: until, required: true, help: "The last day of access: the signature lapses after it"),
        Form.Field(label: "Signature", widget: signature, required: true,
                   help: "Having read the staff AUP (version \(read.id)) on the screen before, the guest types their full name"),
    ])
    return FormScreen(title: "New guest", helpText: context.help("aup-guests"), form: form,
                      hint: { ("The guest has read the staff AUP to its end. Tab moves; F2 records their signature", .dim) }) {
        guard let start = from.date else { throw AUPError.noEndDate }
        let guest = try workspace.aup.addGuest(fullName: name.text, note: note.text, from: start, until: until.date, typedName: signature.text)
        return .message("\(guest.fullName) signed the staff AUP; access until \(guest.visitUntil?.description ?? "").", .success)
    }
}
