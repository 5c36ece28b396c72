import ESafetyCore
import TerminalUI

/// A member of staff asks for a site to be removed from the filtered list.
@MainActor
enum UnblockRequestForm {
    static func screen(context: AppContext) -> any Screen {
        let site = TextField(maxLength: 300, placeholder: "the site or address")
        let reason = TextField(maxLength: 400, placeholder: "why it is needed, for which lesson")
        let form = Form(fields: [Form.Field(label: "Site", widget: site, required: true), Form.Field(label: "Reason", widget: reason, required: true)])
        return FormScreen(title: "Ask for a site to be unblocked", helpText: context.help("policy-request"), form: form) {
            let request = try context.workspace.filtering.requestUnblock(site: site.text, reason: reason.text)
            return .message("Recorded \(request.id); the head teacher decides.", .success)
        }
    }
}

/// The head teacher's decision on an unblock request: approved or refused, what is allowed, and why.
@MainActor
enum UnblockDecisionForm {
    static func screen(context: AppContext, request: UnblockRequest) -> any Screen {
        let decision = ChoiceField(options: [(label: "Approve", value: UnblockRequest.Decision.approved), (label: "Refuse", value: .refused)])
        let allowed = TextField(text: request.site, maxLength: 400, placeholder: "what is allowed: pages, for whom, until when")
        let why = TextField(maxLength: 400, placeholder: "the reason for the decision")
        let form = Form(fields: [
            Form.Field(label: "Decision", widget: decision, required: true, help: "\(request.requestedBy) asked on \(request.requestedOn): \(request.reason)"),
            Form.Field(label: "Allowed", widget: allowed, help: "Needed to approve"),
            Form.Field(label: "Why", widget: why, required: true),
        ])
        return FormScreen(title: "Decide \(request.id): \(request.site)", helpText: context.help("policy-decide"), form: form) {
            guard let chosen = decision.selection else { return .message("Choose approve or refuse.", .error) }
            try context.workspace.filtering.decide(request.id, chosen, allowed: allowed.text, why: why.text)
            return .message("Unblock request \(request.id) \(chosen.rawValue).", .success)
        }
    }
}

/// The annual review of filtering and monitoring: the named senior leader and governor, what it
/// found (what is blocked or allowed, and why) and what is to change. Saving also marks the
/// review schedule's item done.
@MainActor
enum FilteringReviewForm {
    static func screen(context: AppContext) -> any Screen {
        let date = DateField(date: context.workspace.today, latest: context.workspace.today)
        let leader = TextField(maxLength: 120, placeholder: "the named member of the senior leadership team")
        let governor = TextField(maxLength: 120, placeholder: "the named governor")
        let others = TextField(maxLength: 200, placeholder: "the DSL, the IT provider")
        let findings = TextField(maxLength: 1000, placeholder: "what is blocked or allowed, and why; gaps found")
        let actions = TextField(maxLength: 600, placeholder: "what is to change")
        let form = Form(fields: [
            Form.Field(label: "Date", widget: date, required: true),
            Form.Field(label: "Senior leader", widget: leader, required: true),
            Form.Field(label: "Governor", widget: governor, required: true),
            Form.Field(label: "Others", widget: others),
            Form.Field(label: "Findings", widget: findings, required: true),
            Form.Field(label: "Actions", widget: actions),
        ])
        return FormScreen(title: "Annual filtering review", helpText: context.help("policy-filtering"), form: form) {
            let review = try context.workspace.filtering.recordReview(date: date.date ?? context.workspace.today, seniorLeader: leader.text,
                                                                      governor: governor.text, others: others.text, findings: findings.text,
                                                                      actions: actions.text)
            return .message("Recorded \(review.id); the review schedule shows when the next is due.", .success)
        }
    }
}
