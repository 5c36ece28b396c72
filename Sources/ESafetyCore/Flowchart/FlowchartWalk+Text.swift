import Foundation

extension FlowchartWalk {
    /// The walk as lines of the printed report: path, answers with reasons, outcome, and the
    /// actions with who to contact and who ticked them when.
    public func reportLines(markdown md: Bool, timeZone: TimeZone = .current) -> [String] {
        let bullet = md ? "- " : "  "
        var out: [String] = []
        let heading = "Walk \(id): \(chartTitle) (version \(chartVersion)), \(AuditFormatting.timestamp(walkedAt, timeZone: timeZone)) by \(walkedBy.name)"
        out.append(md ? "### " + heading : heading)
        out.append((md ? "**Path:** " : "Path: ") + pathText)
        out.append(md ? "**Answers:**" : "Answers:")
        for (index, answer) in answers.enumerated() {
            out.append(bullet + "\(index + 1). \(answer.question) \(answer.answer)." + (answer.reason.isEmpty ? "" : " Reason: \(answer.reason)"))
        }
        out.append((md ? "**Outcome:** " : "Outcome: ") + outcome)
        out.append(md ? "**Actions:**" : "Actions:")
        for action in actions {
            let done = action.doneAt.map { "  (done \(AuditFormatting.timestamp($0, timeZone: timeZone)) by \(action.doneBy?.name ?? "?"))" } ?? ""
            out.append(bullet + (action.isDone ? "[x] " : "[ ] ") + action.text + done)
            for contact in action.contacts { out.append((md ? "    - " : "      ") + contact.line) }
        }
        return out
    }

    /// The walk in one CSV cell: "Walk 1 (2026-11-25): path | answers | outcome | actions".
    public var csvText: String {
        let day = StoreJSON.string(from: walkedAt).prefix(10)
        let answerText = answers.map { "\($0.question) \($0.answer)" + ($0.reason.isEmpty ? "" : " (reason: \($0.reason))") }.joined(separator: "; ")
        let actionText = actions.map { ($0.isDone ? "[x] " : "[ ] ") + $0.text + ($0.doneBy.map { " (\($0.name))" } ?? "") }.joined(separator: "; ")
        return "Walk \(id) (\(day)) by \(walkedBy.name): \(pathText) | Answers: \(answerText) | Outcome: \(outcome) | Actions: \(actionText)"
    }
}
