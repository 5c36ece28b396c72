import ESafetyCore
import TerminalUI

/// Incidents › Subject access requests (leads): every request with its due date (UK GDPR: one
/// calendar month), F7 records a new one, x marks the selected one answered. The export itself
/// stays in the CLI, `esafety sar PERSON -o FILE`, which writes the redacted file and the
/// withheld list for the lead to review.
final class SubjectAccessScreen: LeadsTableScreen<SubjectAccessRequest>, Screen {
    init(context: AppContext) {
        let today = context.workspace.today
        super.init(
            context: context, title: "Subject access requests",
            table: TableView(
                columns: [
                    TableColumn(title: "Request", width: .fixed(8)),
                    TableColumn(title: "State", width: .fixed(8)),
                    TableColumn(title: "Due", width: .fixed(10)),
                    TableColumn(title: "About", width: .flexible(min: 16)),
                    TableColumn(title: "Asked by", width: .flexible(min: 12)),
                    TableColumn(title: "Received", width: .fixed(10)),
                ],
                rows: [],
                cells: { request in
                    [request.id, request.isDone ? "answered" : request.isOverdue(today: today) ? "OVERDUE" : "open", "\(request.dueOn)",
                     request.subject, request.requestedBy, "\(request.receivedOn)"]
                }),
            emptyText: "No subject access requests recorded. F7 records one.",
            permission: .answerSubjectAccess, what: "subject access requests",
            hint: "The export stays in the CLI: esafety sar PERSON -o FILE. Due a calendar month after receipt.",
            actions: [
                Action(.record, keys: [.function(7), .character("a")], label: "Record", help: "Record a new request: whose data, who asked, the day received", inBar: true),
                Action(.done, keys: [.character("x")], label: "Answered", help: "Mark the selected request answered today", inBar: true),
            ],
            rows: { try $0.subjectAccessRequests() })
    }

    var helpText: String { context.help("subject-access") }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { .handled } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .record || action == .done else { return table.perform(action).screenResponse { .handled } }
        guard access.mayEdit else { return access.refusal }
        if action == .record { return .push(Self.recordForm(context: context)) }
        guard let request = table.selectedItem else { return .handled }
        do {
            let done = try context.workspace.completeSubjectAccessRequest(request.id)
            reload()
            return .message("Marked \(done.id) answered on \(done.doneOn.map { "\($0)" } ?? "today") (\(done.subject), due \(done.dueOn)).", .success)
        } catch { return .message(String(describing: error), .error) }
    }

    /// Whose data, who asked, the day received; the hint shows the due date it gives.
    static func recordForm(context: AppContext) -> FormScreen {
        let today = context.workspace.today
        let subject = TextField(text: "", maxLength: 160, placeholder: "the person whose data is asked for")
        let requester = TextField(text: "", maxLength: 160, placeholder: "e.g. her mother, a solicitor, the person")
        let received = DateField(date: today, latest: today)
        let form = Form(fields: [
            Form.Field(label: "Person", widget: subject, required: true, help: "Whose data: a pupil, a member of staff, a parent"),
            Form.Field(label: "Who asked", widget: requester, required: true, help: "The person themselves, a parent, a solicitor"),
            Form.Field(label: "Received", widget: received, required: true, help: "The day the request reached the school"),
        ])
        return FormScreen(title: "Record a subject access request", helpText: context.help("subject-access"), form: form, hint: {
            let due = received.date.map { "Due \(SubjectAccessRequest.dueDate(receivedOn: $0))" } ?? "Due"
            return ("\(due), a calendar month after receipt. F2 records it; Esc cancels", .dim)
        }) {
            let request = try context.workspace.recordSubjectAccessRequest(subject: subject.text, requestedBy: requester.text, receivedOn: received.date)
            return .message("Recorded \(request.id): \(request.subject), asked by \(request.requestedBy); due \(request.dueOn).", .success)
        }
    }
}
