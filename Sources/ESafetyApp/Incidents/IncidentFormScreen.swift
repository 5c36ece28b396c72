import CivilTime
import ESafetyCore
import Foundation
import TerminalUI

/// The e-safety incident report form as a guided checklist: one step of the paper form at a
/// time, then a last step that shows the whole report to check and submit. A new report is
/// saved as a draft when typing pauses (half a second), on leaving a field or a step, after a
/// paste, on Esc and before the idle lock or a signal ends the app: never once per key, so a
/// crash or a closed terminal loses at most the last half-second of typing. A submitted report
/// can be revised the same way, keeping the earlier revision.
@MainActor
final class IncidentFormScreen: Screen {
    enum Mode {
        case new(startedAt: Date)
        case revise(IncidentRecord)
    }

    private let context: AppContext
    private let log: IncidentLog
    private let mode: Mode
    private let steps: [IncidentFormStep]
    private var stepIndex: Int
    private var report: IncidentReport
    private let review = TextView()
    private var isDirty = false
    /// Typed since the draft was last saved.
    private var draftPending = false
    /// Whether the last save of the draft worked (nil before the first).
    private var draftSaved: Bool?

    init(context: AppContext, log: IncidentLog, mode: Mode, report: IncidentReport, step: Int = 0) {
        self.context = context
        self.log = log
        self.mode = mode
        self.report = report
        try? context.workspace.aup.load()
        steps = IncidentFormSteps.make(report: report, form: log.form, directory: context.workspace.directory,
                                       pupils: context.workspace.aup.people(in: .pupil), today: context.workspace.today)
        stepIndex = max(0, min(step, steps.count))
        if isReviewStep { refreshReview() }
    }

    private var isReviewStep: Bool { stepIndex == steps.count }

    var title: String {
        switch mode {
        case .new: return "Record an incident"
        case .revise(let record): return "Revise \(record.id)"
        }
    }

    var helpText: String { context.help("incident-form") }

    /// A new report is kept as a draft as it is typed, so leaving loses nothing; a revision
    /// asks before its changes are thrown away.
    var hasUnsavedChanges: Bool {
        if case .revise = mode { return isDirty }
        return false
    }

    /// "Draft saved" once what was typed is on disk (a new report; a revision is saved with F2).
    var statusNote: String? {
        guard case .new = mode, !draftPending, let draftSaved else { return nil }
        return draftSaved ? "Draft saved" : "The draft could not be saved: the report is kept on screen only"
    }

    var actions: ActionTable {
        ActionTable([
            Action(.next, keys: [.function(6), .control("n")], label: "Next", help: "Go to the next step (Enter does too, outside a text box)", inBar: true),
            Action(.previous, keys: [.function(5), .control("p")], label: "Prev", help: "Go back a step", inBar: true),
            Action(.submit, keys: [.function(2), .control("s")], label: isReviewStep ? "Submit" : "Check",
                   help: "Go to the last step to check the whole report; there, submit it", inBar: true),
            Action(.leave, keys: [.escape], label: "Back", help: "Leave the report: a new one is kept as a draft, offered back next time", inBar: true),
        ], widget: isReviewStep ? review : steps[stepIndex].form)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let total = steps.count + 1
        let name = isReviewStep ? "Check and submit" : steps[stepIndex].title
        canvas.write("Step \(stepIndex + 1) of \(total): \(name)", at: Point(x: rect.x + 2, y: rect.y), style: .heading, clip: rect)
        var progress = ""
        for index in 0..<total { progress += index < stepIndex ? "●" : index == stepIndex ? "◉" : "○" }
        canvas.write(progress, at: Point(x: rect.maxX - total - 2, y: rect.y), style: .dim, clip: rect)
        let body = rect.inset(top: 2, left: 2, right: 2)
        if isReviewStep {
            let problems = report.problems(today: context.workspace.today)
            var top = body.y
            if problems.isEmpty {
                canvas.write("Complete. Read it through, then F2 submits it.", at: Point(x: body.x, y: top), style: .success, clip: body)
                top += 1
            } else {
                for problem in problems.prefix(4) {
                    canvas.write("• " + problem, at: Point(x: body.x, y: top), style: .error, clip: body); top += 1
                }
                if problems.count > 4 {
                    canvas.write("• and \(problems.count - 4) more: F5 goes back", at: Point(x: body.x, y: top), style: .error, clip: body); top += 1
                }
            }
            review.draw(into: &canvas, rect: Rect(x: body.x, y: top + 1, width: body.width, height: body.maxY - top - 1), focused: true)
        } else {
            steps[stepIndex].form.draw(into: &canvas, rect: body, focused: true)
        }
    }

    func handle(key: Key) -> ScreenResponse {
        if isReviewStep {
            if key == .enter { return perform(.submit) }
            return review.handle(key: key) == .unhandled ? .unhandled : .handled
        }
        let step = steps[stepIndex]
        if key == .enter, let list = step.actionList, step.form.focusedIndex == 0, let option = list.highlightedTicked {
            return .push(editTick(option, in: list))
        }
        let field = step.form.focusedIndex
        let response = step.form.handle(key: key)
        if response == .changed {
            step.actionList?.sync(defaultBy: currentReport().reporterName, today: context.workspace.today)
            changed()
        }
        if step.form.focusedIndex != field && draftPending { saveDraft() }  // leaving a field
        if response == .unhandled && key == .enter { return perform(.next) }
        return response == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .leave:
            return leave()
        case .next:
            if isReviewStep { return .message("This is the last step: F2 submits the report.", .info) }
            guard steps[stepIndex].form.validate() else { return .message("Please correct the fields marked in red.", .error) }
            move(to: stepIndex + 1)
            return .handled
        case .previous:
            guard stepIndex > 0 else { return .message("This is the first step.", .info) }
            move(to: stepIndex - 1)
            return .handled
        case .submit:
            if !isReviewStep {
                move(to: steps.count)
                return .handled
            }
            return submit()
        default:
            if isReviewStep { return review.perform(action) == .unhandled ? .unhandled : .handled }
            let form = steps[stepIndex].form
            let field = form.focusedIndex
            let response = form.perform(action)
            if form.focusedIndex != field && draftPending { saveDraft() }  // leaving a field (Tab)
            return response == .unhandled ? .unhandled : .handled
        }
    }

    func preserveWork() { saveDraft() }

    func typingPaused() {
        if draftPending { saveDraft() }
    }

    /// A paste is one edit, saved at once (one save for the whole paste).
    func handle(paste text: String) -> ScreenResponse {
        guard !isReviewStep else { return .handled }
        let step = steps[stepIndex]
        let result = step.form.handle(paste: text)
        if result.response == .changed {
            changed()
            saveDraft()
        }
        if let message = result.message { return .message(message, .warning) }
        return result.response == .unhandled ? .unhandled : .handled
    }

    // MARK: Steps and drafts

    private func currentReport() -> IncidentReport {
        var current = report
        for step in steps { step.read(&current) }
        return current
    }

    private func move(to index: Int) {
        report = currentReport()
        stepIndex = index
        if isReviewStep { refreshReview() }
        saveDraft()
    }

    private func changed() {
        isDirty = true
        report = currentReport()
        draftPending = true
    }

    private func saveDraft() {
        draftPending = false
        guard case .new(let startedAt) = mode else { return }
        let draft = IncidentDraft(report: currentReport(), step: stepIndex, startedAt: startedAt, savedAt: Date())
        draftSaved = (try? log.saveDraft(draft)) != nil
    }

    private func refreshReview() {
        let preview: IncidentRecord
        switch mode {
        case .new(let startedAt):
            preview = IncidentRecord(id: "(not yet submitted)", recordedAt: startedAt, recordedBy: context.workspace.actor, report: report)
        case .revise(let record):
            var copy = record
            copy.report = report
            preview = copy
        }
        review.text = IncidentReportText(record: preview, form: log.form, profile: context.workspace.profile,
                                         contactOfficer: context.workspace.esafetyContact).render(.text)
    }

    private func leave() -> ScreenResponse {
        if case .new = mode {
            saveDraft()
            return .sequence([.popDiscarding, .message("Your unfinished report is kept: it is offered back when you next record an incident.", .info)])
        }
        return .pop
    }

    private func submit() -> ScreenResponse {
        report = currentReport()
        let problems = report.problems(today: context.workspace.today)
        guard problems.isEmpty else { return .message("The report is not complete: F5 goes back to the steps named above.", .error) }
        switch mode {
        case .new:
            do {
                let record = try log.submit(report)
                // Saved first: an e-mail alert that fails is shown, and on the dashboards, but
                // never undoes or blocks the report.
                let receipt: [ScreenResponse] = [.popDiscarding, .push(IncidentReceiptScreen(context: context, record: record))]
                if let problem = context.workspace.sendNewIncidentAlert(for: record) {
                    return .sequence(receipt + [.message("Saved. The e-mail alert could not be sent: \(problem). Tell the e-safety lead in person.", .warning)])
                }
                return .sequence(receipt)
            } catch {
                return .message(String(describing: error), .error)
            }
        case .revise(let record):
            let reason = TextField(maxLength: 200, placeholder: "why the report is being changed")
            let form = Form(fields: [Form.Field(label: "Reason for the change", widget: reason, required: true,
                                                help: "Kept with the earlier revision: records must show who changed what, and why")])
            let final = report
            let base = EditBase(record.report, document: "incidents/" + record.id, context: context) { [log] in log.record(record.id)?.report }
            return .push(FormScreen(title: "Reason", helpText: context.help("incident-revise"), form: form, staleNotice: base.staleNotice) { [log, weak self] in
                try base.save { try log.revise(record.id, report: final, reason: reason.text, basedOn: $0) }
                self?.isDirty = false
                return .sequence([.popDiscarding, .message("Revised \(record.id); the earlier version is kept.", .success)])
            })
        }
    }

    private func editTick(_ option: FormOption, in list: ActionTickState) -> FormScreen {
        let current = list.taken[option.id]
        let by = TextField(text: current?.by ?? "", maxLength: 120)
        let on = DateField(date: current?.on, latest: context.workspace.today)
        let form = Form(fields: [
            Form.Field(label: "Done by", widget: by, required: true),
            Form.Field(label: "On", widget: on, required: true),
        ])
        return FormScreen(title: option.label, helpText: context.help("incident-tick"), form: form) { [weak self] in
            guard let date = on.date else { return .handled }
            list.taken[option.id] = ActionTaken(itemID: option.id, by: by.text, on: date)
            self?.changed()
            return .handled
        }
    }
}
