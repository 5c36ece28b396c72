import ESafetyCore
import TerminalUI

/// The filtering and monitoring records: the annual reviews (with the named senior leader and
/// governor, and when the next is due), the log of checks, and the unblock requests with the
/// head teacher's decisions. `c` logs a check; `r` records the annual review.
final class FilteringScreen: TextPageScreen, Screen {

    override init(context: AppContext) {
        super.init(context: context)
        reload()
    }

    let title = "Filtering and monitoring"
    var helpText: String { context.help("policy-filtering") }
    var actions: ActionTable {
        ActionTable([Action(.check, keys: [.character("c")], label: "LogCheck", help: "Log a check of filtering and monitoring", inBar: true),
                     Action(.review, keys: [.character("r")], label: "Review", help: "Record the annual review, with the named senior leader and governor", inBar: true)])
            .merged(with: view.actions)
    }

    func willAppear() { reload() }
    func stateDidChange() { reload() }

    private func reload() {
        let area = context.workspace.filtering
        do {
            var lines: [String] = []
            let due = context.workspace.reviews.dueList().first { $0.item.id == FilteringArea.reviewItemID }
            lines.append("Annual review" + (due.map { ": next due \(context.workspace.reviews.describe($0.due))" } ?? ""))
            let reviews = try area.reviews()
            if reviews.isEmpty { lines.append("  None recorded yet.") }
            for review in reviews {
                lines.append("  \(review.id)  \(review.date)  senior leader \(review.seniorLeader), governor \(review.governor)")
                lines.append("      \(review.findings)")
            }
            lines += ["", "Checks (newest first)"]
            let checks = try area.checks()
            if checks.isEmpty { lines.append("  None logged yet: c logs one.") }
            for check in checks {
                lines.append("  \(check.id)  \(check.date)  \(check.result == .passed ? "passed" : "FAILED")  \(check.checkedBy)")
                lines.append("      \(check.categories.map(FilteringCategory.title).joined(separator: "; "))")
                lines.append("      \(check.device), \(check.location), \(check.userGroup)" + (check.actions.isEmpty ? "" : ". Actions: \(check.actions)"))
            }
            lines += ["", "Unblock requests"]
            let requests = try area.requests()
            if requests.isEmpty { lines.append("  None.") }
            for request in requests {
                lines.append("  \(request.id)  \(request.requestedOn)  \(request.state)  \(request.site)  (\(request.requestedBy): \(request.reason))")
                if let decided = request.decidedOn {
                    lines.append("      \(request.decidedBy?.name ?? "") on \(decided): " + (request.allowed.map { "allowed \($0); " } ?? "") + "why: \(request.why ?? "")")
                }
            }
            view.text = lines.joined(separator: "\n")
        } catch {
            view.text = String(describing: error)
        }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .check: return .push(FilteringCheckForm.screen(context: context))
        case .review: return .push(FilteringReviewForm.screen(context: context))
        default: return .unhandled
        }
    }
}

/// Logs a check: when and who, what was tested, the result and the actions.
@MainActor
enum FilteringCheckForm {
    static func screen(context: AppContext) -> any Screen {
        let date = DateField(date: context.workspace.today, latest: context.workspace.today)
        let by = TextField(text: context.workspace.actor.name, maxLength: 120)
        let categories = CheckListField(options: FilteringCategory.allCases.map { FieldOption($0.title, value: $0.rawValue) })
        let device = TextField(maxLength: 120, placeholder: "e.g. Year 5 class laptop")
        let location = TextField(maxLength: 120, placeholder: "e.g. ICT suite")
        let group = TextField(maxLength: 120, placeholder: "e.g. Pupils (KS2), Staff, Guests")
        let result = ChoiceField(options: [(label: "Passed", value: FilteringCheck.Result.passed), (label: "Failed", value: .failed)], selection: .passed)
        let detail = TextField(maxLength: 400, placeholder: "what happened")
        let actions = TextField(maxLength: 400, placeholder: "what was done (needed if it failed)")
        let form = Form(fields: [
            Form.Field(label: "Date", widget: date, required: true),
            Form.Field(label: "Checked by", widget: by, required: true),
            Form.Field(label: "Categories tested", widget: categories, help: "Space ticks"),
            Form.Field(label: "Device", widget: device, required: true),
            Form.Field(label: "Location", widget: location, required: true),
            Form.Field(label: "User group", widget: group, required: true),
            Form.Field(label: "Result", widget: result, required: true),
            Form.Field(label: "What happened", widget: detail),
            Form.Field(label: "Actions", widget: actions),
        ])
        return FormScreen(title: "Log a filtering check", helpText: context.help("policy-check"), form: form) {
            let check = try context.workspace.filtering.recordCheck(
                date: date.date ?? context.workspace.today, checkedBy: by.text, categories: categories.selectedInOrder, device: device.text,
                location: location.text, userGroup: group.text, result: result.selection ?? .passed, resultDetail: detail.text, actions: actions.text)
            return .message("Logged \(check.id).", .success)
        }
    }
}
