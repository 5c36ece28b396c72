import ESafetyCore
import TerminalUI

/// The AUP area's menu. Opening it reads the AUP records (only this school year's signatures).
@MainActor
enum AUPMenu: AreaEntry {
    static func open(context: AppContext) -> ScreenResponse {
        let register = context.workspace.aup
        if case .failure(let message) = context.attempt({ try register.load() }) { return message.response }
        // Only what the person may do is offered: governors read, staff record, leads also publish.
        let records = context.workspace.can(.recordSignatures)
        var entries: [MenuScreen.Entry] = []
        if records {
            entries += [
                .init(title: "Sign at this terminal", detail: "find the person, read the AUP, type their name") {
                    .push(pickPersonScreen(context: context, title: "Sign at this terminal") { person in
                        guard let version = register.currentVersion(of: person.group.aup) else { return AUPError.noVersion(person.group.aup).screenResponse }
                        return .push(AUPSignScreen(context: context, person: person, version: version))
                    })
                },
                .init(title: "Record a paper signature", detail: "with the date it was signed") {
                    .push(pickPersonScreen(context: context, title: "Record a paper signature") { person in .push(paperSignatureForm(context: context, person: person)) })
                },
                .init(title: "Tick through a class", detail: "start of the year: Space for each pupil, or F6 for all") {
                    .push(PickerScreen(title: "Choose a class", helpText: context.help("aup-class"), items: register.classes,
                                       row: { "Class \($0.name) · \(SchoolClass.yearGroupName($0.yearGroup)) · \(register.pupils(inClass: $0.name).count) pupils" }) { schoolClass in
                        .push(ClassTickScreen(context: context, schoolClass: schoolClass))
                    })
                },
                .init(title: "Guests and supply staff", detail: "staff AUP with an end date") { .push(GuestsScreen.screen(context: context)) },
            ]
        }
        entries.append(.init(title: "Who has not signed", detail: "by group, class and year group") { .push(MissingScreen.screen(context: context)) })
        if records {
            entries.append(.init(title: "Import people from CSV", detail: "the roster from your MIS, all or nothing") { .push(importForm(context: context)) })
        }
        if context.workspace.can(.publishAUP) {
            entries.append(.init(title: "Publish a new AUP text", detail: "everyone on the older version is due again") { .push(publishForm(context: context)) })
        }
        entries += [
            .init(title: "A person's signatures", detail: records ? "the history; void one recorded by mistake" : "the history") {
                .push(pickPersonScreen(context: context, title: "A person's signatures") { person in .push(SignatureHistoryScreen(context: context, person: person)) })
            },
            .init(title: "Read the AUP texts", detail: "pupil, staff and parent, as published") {
                .push(PickerScreen(title: "Read the AUP texts", helpText: context.help("aup-read"), items: AUPKind.allCases.compactMap(register.currentVersion(of:)),
                                   row: { "\($0.kind.title) · version \($0.id) · published \($0.publishedOn)" }) { version in .push(AUPTextScreen(context: context, version: version)) })
            },
        ]
        return .push(MenuScreen(title: "AUP signatures", helpText: context.help("aup"), entries: entries))
    }
}

/// Find anyone on the roster by name, class or group.
@MainActor
func pickPersonScreen(context: AppContext, title: String, then: @escaping @MainActor (RosterPerson) -> ScreenResponse) -> PickerScreen<RosterPerson> {
    let register = context.workspace.aup
    let today = context.workspace.today
    return PickerScreen(title: title, helpText: context.help("aup-pick"), items: register.people.filter { $0.isActive(on: today) },
                        row: { person in "\(person.listLabel)\(register.hasSigned(person, today: today) ? " · signed" : "")" }, onPick: then)
}

extension Error {
    /// The error as a status-line message.
    @MainActor var screenResponse: ScreenResponse { .message(String(describing: self), .error) }
}
