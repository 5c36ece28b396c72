import ESafetyCore
import TerminalUI

/// Home › Images and filtering: the image consent register and the filtering and monitoring
/// records of St Paul's policy ("Use of digital and video images", "Technical Infrastructure").
/// Only what the person may use is offered; the core checks again on every read and change.
@MainActor
enum PolicyMenu: AreaEntry {
    static func open(context: AppContext) -> ScreenResponse {
        let workspace = context.workspace
        var entries: [MenuScreen.Entry] = []
        if workspace.can(.readConsent) {
            entries.append(.init(title: "Who may not be photographed", detail: "for a class, to print") { chooseClass(context: context) })
            entries.append(.init(title: "Images in use to review", detail: "consent withdrawn since") { .push(ImagesReviewScreen(context: context)) })
            entries.append(.init(title: "A pupil's consent", detail: "use by use, with its history") { choosePupil(context: context) })
        }
        if workspace.can(.manageFiltering) {
            entries.append(.init(title: "Filtering and monitoring", detail: "checks, reviews, unblock requests") { .push(FilteringScreen(context: context)) })
        }
        if workspace.can(.requestUnblock) {
            entries.append(.init(title: "Ask for a site to be unblocked", detail: "the head teacher decides") { .push(UnblockRequestForm.screen(context: context)) })
        }
        if workspace.can(.decideUnblock) {
            entries.append(.init(title: "Decide unblock requests", detail: "head teacher only") { chooseRequest(context: context) })
        }
        guard !entries.isEmpty else {
            return .message("Governors see the counts of consents and checks in the governors' figures.", .info)
        }
        return .push(MenuScreen(title: "Images and filtering", helpText: context.help("policy-menu"), entries: entries))
    }

    static func chooseClass(context: AppContext) -> ScreenResponse {
        let register = context.workspace.consents
        do { try register.load() } catch { return .message(String(describing: error), .error) }
        let classes = register.roster.classes.filter { !register.roster.pupils(inClass: $0.name).isEmpty }
        return .push(PickerScreen(title: "Choose a class", helpText: context.help("policy-class"), items: classes, row: { schoolClass in
            "Class \(schoolClass.name)  (\(register.roster.pupils(inClass: schoolClass.name).count) pupils)"
        }) { schoolClass in
            .push(NotPhotographedScreen(context: context, className: schoolClass.name))
        })
    }

    static func choosePupil(context: AppContext) -> ScreenResponse {
        let register = context.workspace.consents
        do { try register.load() } catch { return .message(String(describing: error), .error) }
        return .push(PickerScreen(title: "Choose a pupil", helpText: context.help("policy-pupil"), items: register.roster.people(in: .pupil),
                                  row: { "\($0.fullName)  \($0.className ?? "")  \($0.id)" }) { pupil in
            .push(PupilConsentScreen(context: context, pupil: pupil))
        })
    }

    static func chooseRequest(context: AppContext) -> ScreenResponse {
        let pending: [UnblockRequest]
        do { pending = try context.workspace.filtering.requests().filter(\.isPending) } catch { return .message(String(describing: error), .error) }
        guard !pending.isEmpty else { return .message("No unblock request is waiting for a decision.", .info) }
        return .push(PickerScreen(title: "Unblock requests waiting", helpText: context.help("policy-decide"), items: pending,
                                  row: { "\($0.id)  \($0.requestedOn)  \($0.site)  (\($0.requestedBy): \($0.reason))" }) { request in
            .push(UnblockDecisionForm.screen(context: context, request: request))
        })
    }
}
