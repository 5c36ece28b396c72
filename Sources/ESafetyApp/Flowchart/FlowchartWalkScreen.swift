import ESafetyCore
import Foundation
import TerminalUI

/// The response flowchart walked for one incident: one question at a time with the policy text
/// behind it, the path so far as a breadcrumb, back and change an earlier answer, a reason with
/// any answer (required where the option says so), and the sanctions list where an answer names
/// it (F6). At the outcome F2 keeps the walk with the incident and opens its checklist.
final class FlowchartWalkScreen: AppScreen, Screen {
    private let log: IncidentLog
    private let incidentID: String
    private var walker: FlowchartWalker
    private let options = MenuView(items: [])
    private let policy = TextView()

    init(context: AppContext, log: IncidentLog, incidentID: String, walker: FlowchartWalker) {
        self.log = log
        self.incidentID = incidentID
        self.walker = walker
        super.init(context: context)
        refresh()
    }

    /// Starts a walk of the school's chart for an incident, or says why it cannot.
    static func start(context: AppContext, log: IncidentLog, incidentID: String) -> ScreenResponse {
        do {
            return .push(FlowchartWalkScreen(context: context, log: log, incidentID: incidentID, walker: try context.workspace.startWalk()))
        } catch {
            return .message(String(describing: error), .error)
        }
    }

    var title: String { "Flowchart for \(incidentID)" }
    var helpText: String { context.help("flowchart-walk") }
    var hasUnsavedChanges: Bool { !walker.answers.isEmpty }

    var actions: ActionTable {
        var list = [
            Action(.choose, keys: [.enter], label: "Answer", help: "Answer with the selected option (number keys choose one at once)"),
            Action(.reason, keys: [.function(4), .character("r")], label: "Reason", help: "Answer with the selected option and give a reason (required where the option says so)", inBar: true),
            Action(.stepBack, keys: [.function(5), .backspace], label: "Back", help: "Take back the last answer", inBar: true),
            Action(.change, keys: [.function(3), .character("c")], label: "Change", help: "Go back to an earlier question and change its answer", inBar: true),
        ]
        if namesSanctionsList {
            list.append(Action(.sanctions, keys: [.function(6), .character("s")], label: "Sanctions", help: "Show the sanctions list an answer names", inBar: true))
        }
        if walker.isFinished {
            list.append(Action(.keep, keys: [.function(2), .control("s")], label: "Keep", help: "Keep this walk with the incident and open its checklist", inBar: true))
        }
        // The options menu takes the keys of a question; PgUp and PgDn scroll the policy's words.
        let menu = walker.current.kind == .question ? options.actions : ActionTable()
        return ActionTable(list).merged(with: menu).merged(with: policy.actions.only([.pageUp, .pageDown]))
    }

    private func refresh() {
        let step = walker.current
        if step.kind == .question {
            let previous = walker.previousOptionID
            // What the form already says is offered as the default, marked as such.
            let fromForm = previous == nil ? formAnswer(step.id) : nil
            options.items = step.options.map {
                var notes: [String] = []
                if $0.reasonRequired { notes.append("reason required") }
                if $0.id == previous { notes.append("chosen before") }
                if $0.id == fromForm { notes.append("the form's answer") }
                return MenuItem(title: $0.label, detail: notes.joined(separator: ", "))
            }
            options.selectedIndex = step.options.firstIndex { $0.id == (previous ?? fromForm) } ?? 0
            policy.text = step.policyText + (step.source.isEmpty ? "" : "\n\nSource: \(step.source)")
        } else {
            options.items = []
            policy.text = outcomePreview()
        }
    }

    /// The option the incident's form already answers for a question the chart asks, if any:
    /// who was involved, and whether it is an allegation against a member of staff.
    private func formAnswer(_ stepID: String) -> String? {
        guard let report = log.record(incidentID)?.report else { return nil }
        switch stepID {
        case "staff-instigator": return report.allegationAgainstStaff.map { $0 ? "yes" : "no" }
        case "child-involved":
            guard !report.involved.isEmpty else { return nil }
            return report.involved.contains { $0.kind == .child } ? nil : "no"
        default: return nil
        }
    }

    /// True when an answer to the question on screen names the sanctions list.
    private var namesSanctionsList: Bool { walker.current.kind == .question && walker.current.options.contains { $0.namesSanctionsList } }

    private func outcomePreview() -> String {
        let step = walker.current
        var lines = [step.text, "", "The actions (with the people to contact, as the role directory and profile have them now):"]
        for action in walker.actionSteps.flatMap(\.actions) {
            lines.append("[ ] " + action.text)
            for contact in FlowchartWalker.contacts(for: action, directory: context.workspace.directory, profile: context.workspace.profile) {
                lines.append("      " + contact.line)
            }
        }
        return lines.joined(separator: "\n")
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let body = rect.inset(left: 2, right: 1)
        var y = body.y
        let crumb = "Path: " + walker.breadcrumb.joined(separator: " › ")
        var crumbLines = TextWrap.wrap(crumb, width: max(1, body.width))
        if crumbLines.count > 2 {
            // Keep the end of the path, where the walk is.
            let tail = String(crumb.suffix(max(10, body.width * 2 - 8)))
            crumbLines = Array(TextWrap.wrap("Path: …" + tail, width: max(1, body.width)).suffix(2))
        }
        for line in crumbLines { canvas.write(line, at: Point(x: body.x, y: y), style: .dim, clip: body); y += 1 }
        y += 1
        let step = walker.current
        let heading = step.kind == .outcome ? "Outcome: " + step.title : "\(walker.answers.count + 1). " + step.title
        for line in TextWrap.wrap(heading, width: max(1, body.width)) where y < body.maxY {
            canvas.write(line, at: Point(x: body.x, y: y), style: step.kind == .outcome ? .success : .heading, clip: body); y += 1
        }
        if step.kind == .question {
            let rows = min(options.items.count, max(0, body.maxY - y - 3))
            options.draw(into: &canvas, rect: Rect(x: body.x, y: y, width: body.width, height: rows), focused: true)
            y += rows + 1
            canvas.write(namesSanctionsList ? "Policy (PgUp PgDn scroll) · s shows the sanctions list an answer names:" : "Policy (PgUp PgDn scroll):",
                         at: Point(x: body.x, y: y), style: .dim, clip: body)
            y += 1
        } else {
            canvas.write("F2 keeps this walk with \(incidentID); F5 goes back; F3 changes an answer.", at: Point(x: body.x, y: y), style: .emphasis, clip: body)
            y += 2
        }
        if y < body.maxY { policy.draw(into: &canvas, rect: Rect(x: body.x, y: y, width: body.width, height: body.maxY - y), focused: false) }
    }

    func handle(key: Key) -> ScreenResponse {
        switch key {
        case .pageUp, .pageDown: _ = policy.handle(key: key); return .handled
        default: break
        }
        guard walker.current.kind == .question else { return .unhandled }
        if case .enter = key { return .unhandled }
        return options.handle(key: key).screenResponse { perform(.choose) }
    }

    private var selectedOption: FlowchartOption? {
        let step = walker.current
        return step.kind == .question && step.options.indices.contains(options.selectedIndex) ? step.options[options.selectedIndex] : nil
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .choose:
            guard let option = selectedOption else { return .handled }
            if option.reasonRequired { return .push(reasonForm(option)) }
            return answer(option, reason: "")
        case .reason:
            guard let option = selectedOption else { return .message("The walk is at its outcome: F2 keeps it.", .info) }
            return .push(reasonForm(option))
        case .stepBack:
            guard walker.back() else { return .message("This is the first question.", .info) }
            refresh()
            return .handled
        case .change:
            guard !walker.answers.isEmpty else { return .message("No question has been answered yet.", .info) }
            let indexed = Array(walker.answers.enumerated())
            return .push(PickerScreen(title: "Change an answer", helpText: context.help("flowchart-walk"), items: indexed,
                                      row: { "\($0.offset + 1). \($0.element.question)  → \($0.element.answer)" }) { [weak self] picked in
                self?.walker.change(at: picked.offset)
                self?.refresh()
                return .handled
            })
        case .keep:
            return keep()
        case .sanctions:
            guard namesSanctionsList else { return .unhandled }
            switch context.attempt({ try context.workspace.sanctionsList() }) {
            case .success(let list): return .push(SanctionsListScreen(list: list))
            case .failure(let message): return message.response
            }
        default:
            return .unhandled
        }
    }

    private func answer(_ option: FlowchartOption, reason: String) -> ScreenResponse {
        do {
            try walker.answer(option.id, reason: reason)
        } catch {
            return .message(String(describing: error), .error)
        }
        refresh()
        return .handled
    }

    private func reasonForm(_ option: FlowchartOption) -> FormScreen {
        let text = TextArea(visibleLines: 4, placeholder: option.reasonRequired ? "required" : "optional")
        let prompt = option.reasonPrompt.isEmpty ? "Why this answer?" : option.reasonPrompt
        let form = Form(fields: [Form.Field(label: "Reason", widget: text, required: option.reasonRequired, help: prompt)])
        return FormScreen(title: "Reason", helpText: context.help("flowchart-reason"), form: form,
                          hint: { ("Answer: \(option.label). F2 answers; Esc goes back.", .dim) }) { [weak self] in
            guard let self else { return .handled }
            try self.walker.answer(option.id, reason: text.text)
            self.refresh()
            return .handled
        }
    }

    private func keep() -> ScreenResponse {
        let workspace = context.workspace
        do {
            let walk = try walker.finish(id: 0, at: workspace.now(), by: workspace.actor, directory: workspace.directory, profile: workspace.profile)
            let kept = try log.saveWalk(walk, to: incidentID)
            return .sequence([.popDiscarding, .push(FlowchartChecklistScreen(context: context, log: log, incidentID: incidentID, walkID: kept.id)),
                              .message("Walk \(kept.id) kept with \(incidentID). Tick each action as it is done.", .success)])
        } catch {
            return .message(String(describing: error), .error)
        }
    }
}
