import CivilTime
import ESafetyCore
import TerminalUI

/// One incident, read whole as the printed form, with what can be done to it: revise the
/// report (the earlier revision is kept), close it (an outcome is required), no further action
/// (a reason is required), reopen (a reason is required), and follow-up actions.
final class IncidentScreen: TextPageScreen, Screen {
    private let log: IncidentLog
    private let id: String

    init(context: AppContext, log: IncidentLog, id: String) {
        self.log = log
        self.id = id
        super.init(context: context)
        willAppear()
    }

    /// The whole record, read when the screen appears; nil with `loadProblem` if it cannot be.
    private var record: IncidentRecord?
    private var loadProblem: String?

    var title: String { id }
    var helpText: String { context.help("incident") }

    var actions: ActionTable {
        ActionTable([
            Action(.revise, keys: [.function(4), .character("e")], label: "Revise", help: "Change the report; the earlier version is kept with your reason", inBar: true),
            Action(.status, keys: [.function(6), .character("s")], label: "Status", help: "Close it (with the outcome), take no further action (with a reason), or reopen it (with a reason)", inBar: true),
            Action(.followUp, keys: [.function(7), .character("f")], label: "FollowUp", help: "Add a follow-up action: what, who and by when", inBar: true),
            Action(.followUpDone, keys: [.character("d")], label: "Done", help: "Mark the oldest open follow-up action as done today"),
            Action(.deviceReview, keys: [.function(3), .character("v")], label: "DeviceReview", help: "Record the review of devices or internet sites (two reviewers, each site with its reason for concern, conclusion and action)", inBar: true),
            Action(.walk, keys: [.function(5), .character("w")], label: "Flowchart", help: "Walk the response flowchart for this incident; earlier walks are kept", inBar: true),
            Action(.checklist, keys: [.character("t")], label: "Checklist", help: "Open a flowchart walk's checklist to tick its actions"),
            Action(.accessLog, keys: [.character("l")], label: "WhoLooked", help: "Who has opened, printed or exported this incident (the access log)"),
            Action(.print, keys: [.character("p")], label: "Print", help: "Write the report to a file (text, Markdown or HTML, readable by you only) or send it to a printer; every print is audited"),
        ]).merged(with: view.actions)
    }

    /// True once this screen's opening of the incident is in the audit log (once per screen).
    private var openingRecorded = false

    func willAppear() {
        do {
            if openingRecorded {
                record = try log.loadRecord(id)
            } else {
                record = try context.workspace.attention.open(id)  // audited: "incident.open"
                openingRecorded = record != nil
            }
            loadProblem = record == nil ? "Incident \(id) cannot be opened: it is not one you may read, or it is no longer in the store." : nil
        } catch {
            record = nil
            loadProblem = "Incident \(id) cannot be opened: \(error)"
        }
        guard let record else { return }
        view.text = IncidentReportText(record: record, form: log.form, profile: context.workspace.profile,
                                       contactOfficer: context.workspace.esafetyContact).renderText(width: 72)
    }

    override func draw(into canvas: inout Canvas, rect: Rect) {
        guard let record else {
            canvas.write(loadProblem ?? "", at: Point(x: rect.x + 2, y: rect.y), style: .error, clip: rect)
            return
        }
        let overdue = record.overdueFollowUps(today: context.workspace.today).count
        var status = "Status: \(record.status.label)"
        if overdue > 0 { status += " · \(overdue) follow-up\(overdue == 1 ? "" : "s") overdue" }
        if let origin = record.transferredFrom { status += " · read-only prior record from " + origin.label(timeZone: context.workspace.timeZone) }
        canvas.write(status, at: Point(x: rect.x + 2, y: rect.y), style: overdue > 0 ? .warning : .heading, clip: rect)
        view.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 1), focused: true)
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard let record else { return .unhandled }
        switch action {
        case .revise:
            return .push(IncidentFormScreen(context: context, log: log, mode: .revise(record), report: record.report))
        case .status:
            return .push(statusForm(record))
        case .followUp:
            return .push(followUpForm(record))
        case .deviceReview:
            return .push(deviceReviewForm(record))
        case .walk:
            return FlowchartWalkScreen.start(context: context, log: log, incidentID: record.id)
        case .checklist:
            return FlowchartMenu.checklists(context: context, log: log, incidentID: record.id)
        case .print:
            return .push(IncidentPrintForm.screen(context: context, id: record.id))
        case .accessLog:
            return .push(AccessLogScreen(context: context, id: record.id))
        case .followUpDone:
            guard let open = record.followUps.first(where: { !$0.isDone }) else { return .message("No follow-up action is open.", .info) }
            return .confirm(Confirmation(title: "Done?", message: "Mark follow-up \(open.id), \"\(open.what)\", as done today?", confirmLabel: "Done", cancelLabel: "Not yet") { [context, log, id, weak self] in
                do {
                    try log.completeFollowUp(open.id, of: id, on: context.workspace.today)
                    self?.willAppear()
                    return .message("Follow-up \(open.id) done.", .success)
                } catch { return .message(String(describing: error), .error) }
            })
        default:
            return .unhandled
        }
    }

    private func statusForm(_ record: IncidentRecord) -> FormScreen {
        enum Change: Hashable { case close, noFurtherAction, reopen }
        let choices: [(label: String, value: Change)] = record.status == .open
            ? [(label: "Close (with the outcome)", value: .close), (label: "No further action (with a reason)", value: .noFurtherAction)]
            : [(label: "Reopen (with a reason)", value: .reopen)]
        let change = ChoiceField(options: choices, selection: choices.first?.value)
        change.isVertical = true
        let text = TextArea(text: record.status == .open ? record.report.outcome : "", visibleLines: 5)
        let form = Form(fields: [
            Form.Field(label: "Change", widget: change, required: true),
            Form.Field(label: "Outcome or reason", widget: text, required: true, help: "Closing needs the outcome of the incident or investigation; the other changes need a reason, which is kept"),
        ])
        var screen: FormScreen?
        screen = FormScreen(title: "Status of \(record.id)", helpText: context.help("incident-status"), form: form) { [log, id, weak self] in
            switch change.selection {
            case .close?:
                let open = record.followUps.filter { !$0.isDone }
                guard open.isEmpty else {
                    // Closing with follow-ups still open: list them and ask first; "No" goes
                    // back to the form with what was typed.
                    let list = open.map { "\($0.id). \($0.what) (\($0.ownerName), due \($0.due))" }.joined(separator: "; ")
                    return .confirm(Confirmation(title: "Follow-ups still open",
                                                 message: "\(open.count) follow-up\(open.count == 1 ? " is" : "s are") still open: \(list). Close \(id) anyway?",
                                                 confirmLabel: "Close", cancelLabel: "Go back", onConfirm: {
                        do { try log.close(id, outcome: text.text) } catch { return .message(String(describing: error), .error) }
                        self?.willAppear()
                        return .message("\(id) is now closed; \(open.count) follow-up\(open.count == 1 ? "" : "s") still open.", .warning)
                    }, declined: { screen.map { .push($0) } ?? .handled }))
                }
                try log.close(id, outcome: text.text)
            case .noFurtherAction?: try log.markNoFurtherAction(id, reason: text.text)
            case .reopen?: try log.reopen(id, reason: text.text)
            case nil: return .handled
            }
            self?.willAppear()
            return .message("\(id) is now \(self?.record?.status.label ?? "changed").", .success)
        }
        return screen!
    }

    private func followUpForm(_ record: IncidentRecord) -> FormScreen {
        let directory = context.workspace.directory
        let what = TextField(maxLength: 200, placeholder: "what must be done")
        let owners = directory.peopleByName
        let me = context.workspace.session?.personID
        let owner = ChoiceField(options: owners.map { (label: $0.fullName, value: $0.id) },
                                selection: owners.first { $0.id == me }?.id ?? owners.first?.id)
        owner.isVertical = true
        let today = context.workspace.today
        let due = DateField(date: today.adding(days: 7), earliest: today)
        let form = Form(fields: [
            Form.Field(label: "What", widget: what, required: true),
            Form.Field(label: "Who", widget: owner, required: true, help: "From the role directory; you, unless you choose another"),
            Form.Field(label: "Due", widget: due, required: true),
        ])
        return FormScreen(title: "Follow-up for \(record.id)", helpText: context.help("incident-follow-up"), form: form) { [log, id, weak self] in
            guard let date = due.date else { return .handled }
            let person = owner.selection.flatMap(directory.person)
            let action = try log.addFollowUp(to: id, what: what.text, owner: person, ownerName: person?.fullName ?? "", due: date)
            self?.willAppear()
            return .message("Follow-up \(action.id) added, due \(date).", .success)
        }
    }

    private func deviceReviewForm(_ record: IncidentRecord) -> FormScreen {
        let existing = record.deviceReview
        let today = context.workspace.today
        let date = DateField(date: existing?.reviewedOn ?? today, latest: today)
        let first = TextField(text: existing?.firstReviewer ?? "", maxLength: 120)
        let second = TextField(text: existing?.secondReviewer ?? "", maxLength: 120)
        let device = TextField(text: existing?.deviceUsed ?? "", maxLength: 200, placeholder: "the device used for the review")
        let sites = TextArea(text: existing?.items.map { "\($0.siteOrDevice) | \($0.reasonForConcern)" }.joined(separator: "\n") ?? "",
                             visibleLines: 4, placeholder: "one per line: site or device | reason for concern")
        let conclusion = TextArea(text: existing?.conclusion ?? "", visibleLines: 3)
        let action = TextArea(text: existing?.action ?? "", visibleLines: 3)
        let form = Form(fields: [
            Form.Field(label: "Date of review", widget: date, required: true),
            Form.Field(label: "First reviewer", widget: first, required: true),
            Form.Field(label: "Second reviewer", widget: second, required: true, help: "Two people review together, to protect both"),
            Form.Field(label: "Device used", widget: device, required: true, help: "Not the device under review: a separate one"),
            Form.Field(label: "Sites and devices", widget: sites, required: true),
            Form.Field(label: "Conclusion", widget: conclusion, required: true),
            Form.Field(label: "Action", widget: action),
        ])
        return FormScreen(title: "Device review for \(record.id)", helpText: context.help("device-review"), form: form) { [log, id, weak self] in
            guard let reviewedOn = date.date else { return .handled }
            let items = sites.text.split(separator: "\n").map { line -> DeviceReview.Item in
                let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return DeviceReview.Item(siteOrDevice: parts[0], reasonForConcern: parts.count > 1 ? parts[1] : "")
            }
            try log.saveDeviceReview(DeviceReview(reviewedOn: reviewedOn, firstReviewer: first.text, secondReviewer: second.text,
                                                  deviceUsed: device.text, items: items, conclusion: conclusion.text, action: action.text), for: id)
            self?.willAppear()
            return .message("Saved the device review of \(id).", .success)
        }
    }
}
