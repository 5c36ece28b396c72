import Foundation

/// Walks a flowchart one question at a time. The state is the list of answers: the path, the
/// current question and the checklist all follow from it, so going back or changing an earlier
/// answer is only dropping answers. Action steps are passed on the way and gather the checklist.
public struct FlowchartWalker: Sendable {
    public let chart: Flowchart
    public private(set) var answers: [FlowchartWalk.Answer] = []
    /// Where the walk stands: the steps passed (up to and including the current question or
    /// the outcome), and the step waiting for an answer or ending the walk.
    public private(set) var path: [FlowchartStep] = []
    /// Answers taken back by `back()` or `change(at:)`, offered as the default when the same
    /// question comes up again.
    private var earlier: [String: String] = [:]

    public init(chart: Flowchart) throws {
        self.chart = chart
        path = try Self.follow(chart, answers: [])
    }

    /// The question waiting for an answer, or the outcome the walk ended in.
    public var current: FlowchartStep { path[path.count - 1] }
    public var isFinished: Bool { current.kind == .outcome }

    /// The option answered last time this question was asked, if the walk went back over it.
    public var previousOptionID: String? { earlier[current.id] }

    /// Answers the current question.
    /// - Throws: `FlowchartError.reasonRequired` when the option needs a reason and none is given.
    public mutating func answer(_ optionID: String, reason: String = "") throws {
        let step = current
        guard step.kind == .question else { throw FlowchartError.notAQuestion(step.id) }
        guard let option = step.options.first(where: { $0.id == optionID }) else {
            throw FlowchartError.unknownOption(step: step.id, option: optionID)
        }
        let reason = reason.trimmed
        if option.reasonRequired && reason.isEmpty {
            throw FlowchartError.reasonRequired(option.reasonPrompt.isEmpty ? "why \"\(option.label)\"?" : option.reasonPrompt)
        }
        let answers = self.answers + [FlowchartWalk.Answer(stepID: step.id, question: step.title, optionID: option.id,
                                                          answer: option.label, reason: reason)]
        path = try Self.follow(chart, answers: answers)
        self.answers = answers
    }

    /// Takes back the last answer; false at the first question.
    @discardableResult
    public mutating func back() -> Bool {
        guard !answers.isEmpty else { return false }
        return change(at: answers.count - 1)
    }

    /// Goes back to the question answered `index`th (0 is the first), dropping it and every
    /// answer after it; the dropped answers are offered again as defaults.
    @discardableResult
    public mutating func change(at index: Int) -> Bool {
        guard answers.indices.contains(index) else { return false }
        for dropped in answers[index...] { earlier[dropped.stepID] = dropped.optionID }
        answers.removeSubrange(index...)
        path = (try? Self.follow(chart, answers: answers)) ?? path
        return true
    }

    /// The action steps passed so far, each once, in order.
    public var actionSteps: [FlowchartStep] {
        var seen: Set<String> = []
        return path.filter { $0.kind == .action && seen.insert($0.id).inserted }
    }

    /// The breadcrumb: each step's label, questions with the answer given.
    public var breadcrumb: [String] { labels { Self.shortAnswer($0) } }

    /// The path's labels for the record: as the breadcrumb, with each answer in full.
    var labelsInFull: [String] { labels { $0 } }

    /// Each step's label, a question's followed by its answer as `answerText` gives it.
    private func labels(_ answerText: (String) -> String) -> [String] {
        var answerIndex = 0
        return path.map { step in
            guard step.kind == .question, answerIndex < answers.count, answers[answerIndex].stepID == step.id else {
                return step.shortLabel
            }
            defer { answerIndex += 1 }
            return "\(step.shortLabel) \(answerText(answers[answerIndex].answer))"
        }
    }

    /// "Yes: a child is…" → "Yes"; long answers cut at the colon.
    static func shortAnswer(_ answer: String) -> String {
        let head = answer.split(separator: ":", maxSplits: 1).first.map(String.init) ?? answer
        return head.count > 24 ? String(head.prefix(23)) + "…" : head
    }

    /// The finished walk, with contacts copied from the directory and the profile as they are now.
    public func finish(id: Int, at date: Date, by actor: AuditActor, directory: RoleDirectory, profile: SchoolProfile) throws -> FlowchartWalk {
        guard isFinished else { throw FlowchartError.notFinished }
        let outcome = current
        var items: [FlowchartWalk.ChecklistItem] = []
        for step in actionSteps {
            for action in step.actions {
                items.append(FlowchartWalk.ChecklistItem(id: action.id, stepID: step.id, text: action.text,
                                                         contacts: Self.contacts(for: action, directory: directory, profile: profile),
                                                         staffActionID: action.staffActionID, childActionID: action.childActionID))
            }
        }
        let labels = labelsInFull
        let pathSteps = path.enumerated().map { index, step in
            FlowchartWalk.PathStep(stepID: step.id, kind: step.kind, label: labels.indices.contains(index) ? labels[index] : step.shortLabel)
        }
        return FlowchartWalk(id: id, chartID: chart.id, chartTitle: chart.title, chartVersion: chart.version, walkedAt: date,
                             walkedBy: actor, path: pathSteps, answers: answers, outcomeStepID: outcome.id, outcome: outcome.title,
                             outcomeText: outcome.text, actions: items)
    }

    /// The people to contact for an action: each holder of each role, then each external contact.
    public static func contacts(for action: FlowchartAction, directory: RoleDirectory, profile: SchoolProfile) -> [FlowchartWalk.Contact] {
        var contacts: [FlowchartWalk.Contact] = []
        for roleID in action.contactRoleIDs {
            let roleName = directory.role(roleID)?.name ?? roleID
            let holders = directory.holders(of: roleID)
            if holders.isEmpty {
                contacts.append(FlowchartWalk.Contact(role: roleName, roleID: roleID, name: "", phone: "", email: "", confirmed: false))
            }
            for person in holders {
                contacts.append(FlowchartWalk.Contact(role: roleName, roleID: roleID, name: person.fullName, phone: person.phone,
                                                      email: person.email, confirmed: true))
            }
        }
        for contactID in action.contactIDs {
            if let contact = profile.contact(contactID) {
                contacts.append(FlowchartWalk.Contact(role: contact.service, contactID: contactID, name: contact.contactName,
                                                      phone: contact.phone, email: contact.email, confirmed: contact.confirmed))
            } else {
                contacts.append(FlowchartWalk.Contact(role: contactID, contactID: contactID, name: "", phone: "", email: "", confirmed: false))
            }
        }
        return contacts
    }

    /// The steps from the start, following the answers, up to the next question or an outcome.
    static func follow(_ chart: Flowchart, answers: [FlowchartWalk.Answer]) throws -> [FlowchartStep] {
        guard var step = chart.step(chart.start) else { throw FlowchartError.unknownStep(chart.start) }
        var path: [FlowchartStep] = []
        var remaining = answers[...]
        while true {
            path.append(step)
            guard path.count <= 10 * max(1, chart.steps.count) else { throw FlowchartError.tooLong }
            let nextID: String
            switch step.kind {
            case .outcome:
                return path
            case .action:
                guard let next = step.next else { throw FlowchartError.unknownStep("(after \(step.id))") }
                nextID = next
            case .question:
                guard let answer = remaining.first else { return path }
                guard answer.stepID == step.id, let option = step.options.first(where: { $0.id == answer.optionID }) else {
                    throw FlowchartError.unknownOption(step: step.id, option: answer.optionID)
                }
                remaining = remaining.dropFirst()
                nextID = option.next
            }
            guard let next = chart.step(nextID) else { throw FlowchartError.unknownStep(nextID) }
            step = next
        }
    }
}
