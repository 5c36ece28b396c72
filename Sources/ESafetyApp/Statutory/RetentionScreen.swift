import ESafetyCore
import TerminalUI

/// Incidents › Records past retention (leads): the incidents whose every child has turned 25
/// (IRMS: DOB + 25 years), with each child's date of birth and the day the record could go.
/// Enter or d destroys the selected one after a reason and a confirmation naming its id; the
/// core (`Workspace.destroyRecord`) writes the tombstone and purges the backups.
final class RetentionScreen: LeadsTableScreen<RetentionReport.Entry>, Screen {
    init(context: AppContext) {
        super.init(
            context: context, title: "Records past retention",
            table: TableView(
                columns: [
                    TableColumn(title: "Record", width: .flexible(min: 30)),
                    TableColumn(title: "Born", width: .fixed(10)),
                    TableColumn(title: "Could go", width: .fixed(10)),
                ],
                rows: [],
                cells: { entry in [entry.record.summary, entry.record.pupilDateOfBirth.map { "\($0)" } ?? "?", "\(entry.reviewDate)"] }),
            emptyText: "No record is past retention: none has every child known to be over 25.",
            permission: .destroyRecords, what: "records past retention",
            hint: "IRMS: kept until DOB + 25 years. Enter or d destroys the selected record, with a reason; backups are purged too.",
            actions: [
                Action(.destroy, keys: [.character("d")], label: "Destroy", help: "Destroy the selected record, with a reason (asks first)", inBar: true),
            ],
            rows: { try $0.recordsPastRetention() })
    }

    var helpText: String { context.help("retention") }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { perform(.destroy) } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .destroy else { return table.perform(action).screenResponse { perform(.destroy) } }
        guard access.mayEdit else { return access.refusal }
        guard let entry = table.selectedItem else { return .handled }
        return .push(reasonForm(id: entry.record.recordID))
    }

    /// The reason, then a confirmation naming the record; yes destroys it and lists again.
    private func reasonForm(id: String) -> FormScreen {
        let context = context
        let reason = TextField(text: "", maxLength: 300, placeholder: "e.g. Retention review January 2047")
        let form = Form(fields: [Form.Field(label: "Reason", widget: reason, required: true, help: "Kept in the audit log's tombstone, with the id and dates")])
        return FormScreen(title: "Destroy incident \(id)", helpText: context.help("retention"), form: form,
                          hint: { ("F2 asks to confirm, then destroys the record and its backup copies; Esc cancels", .dim) }) {
            let why = reason.text
            return .confirm(Confirmation(
                title: "Destroy \(id)?",
                message: "Destroy incident \(id) for good? Its file and every backup copy go; the audit log keeps a tombstone (id, dates, who, why).",
                confirmLabel: "Destroy", cancelLabel: "Keep",
                onConfirm: {
                    defer { self.reload() }
                    do { return .message(try context.workspace.destroyRecord(id, reason: why) + ".", .success) }
                    catch { return .message(String(describing: error), .error) }
                }))
        }
    }
}
