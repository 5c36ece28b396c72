import Foundation

extension FlowchartWalk {
    /// The walk as blocks of the printed report: path, answers with reasons, outcome, and the
    /// actions with who to contact and who ticked them when. Labels are kept in full. Once the
    /// incident is closed, `incidentOutcome` is its outcome, shown instead of the flowchart's
    /// "the response is under way".
    func reportBlocks(incidentOutcome: String?, timeZone: TimeZone = .current) -> [ReportBlock] {
        var out: [ReportBlock] = []
        out.append(.subheading("Walk \(id): \(chartTitle) (version \(chartVersion)), \(AuditFormatting.timestamp(walkedAt, timeZone: timeZone)) by \(walkedBy.name)"))
        out.append(.field(label: "Path", value: fullPathText))
        out.append(.caption("Answers:"))
        for (index, answer) in answers.enumerated() {
            out.append(.item("\(index + 1). \(answer.question) \(answer.answer)." + (answer.reason.isEmpty ? "" : " Reason: \(answer.reason)"), level: 0))
        }
        if let incidentOutcome {
            out.append(.field(label: "Outcome", value: incidentOutcome))
            out.append(.field(label: "Where the flowchart ended", value: outcome))
        } else {
            out.append(.field(label: "Outcome", value: outcome))
        }
        out.append(.caption("Actions:"))
        for action in actions {
            let done = action.doneAt.map { "done \(AuditFormatting.timestamp($0, timeZone: timeZone)) by \(action.doneBy?.name ?? "?")" } ?? ""
            out.append(.box(ticked: action.isDone, label: action.text, detail: done))
            for contact in action.contacts { out.append(.item(contact.line, level: 1)) }
        }
        return out
    }

    /// Ticks taken back, for the report's history: struck through, with who, when and why.
    func correctionBlocks(timeZone: TimeZone = .current) -> [ReportBlock] {
        corrections.map { correction in
            .withdrawn("Walk \(id) action \"\(correction.actionText)\" ticked \(AuditFormatting.timestamp(correction.tickedAt, timeZone: timeZone)) by \(correction.tickedBy.name)",
                       why: "unticked \(AuditFormatting.timestamp(correction.at, timeZone: timeZone)) by \(correction.by.name): \(correction.reason)")
        }
    }

    /// The path as one line with every answer in full: "Act now › Head told › Staff instigator? No › …".
    /// Walks kept before labels were kept in full have a shortened answer in the path: it is
    /// put back from the answers.
    public var fullPathText: String {
        var answerIndex = 0
        return path.map { step -> String in
            guard step.kind == .question, answerIndex < answers.count, answers[answerIndex].stepID == step.stepID else { return step.label }
            defer { answerIndex += 1 }
            let answer = answers[answerIndex].answer
            let short = FlowchartWalker.shortAnswer(answer)
            if step.label.hasSuffix(" " + short) { return String(step.label.dropLast(short.count)) + answer }
            return step.label
        }.joined(separator: " › ")
    }

    /// The walk in one CSV cell: "Walk 1 (2026-11-25): path | answers | outcome | actions".
    public var csvText: String {
        let day = StoreJSON.string(from: walkedAt).prefix(10)
        let answerText = answers.map { "\($0.question) \($0.answer)" + ($0.reason.isEmpty ? "" : " (reason: \($0.reason))") }.joined(separator: "; ")
        let actionText = actions.map { ($0.isDone ? "[x] " : "[ ] ") + $0.text + ($0.doneBy.map { " (\($0.name))" } ?? "") }.joined(separator: "; ")
        return "Walk \(id) (\(day)) by \(walkedBy.name): \(fullPathText) | Answers: \(answerText) | Outcome: \(outcome) | Actions: \(actionText)"
    }
}
