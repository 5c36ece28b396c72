import Foundation
import ESafetyCore
import TerminalUI

/// Import the roster from a CSV file: the file and an optional column mapping; F2 checks every
/// row and shows a preview; nothing changes until the preview is confirmed.
@MainActor
func importForm(context: AppContext, path typedPath: String = "", mapping typedMapping: String = "") -> FormScreen {
    let path = TextField(text: typedPath, maxLength: 400, placeholder: "/path/to/roster.csv")
    let mapping = TextField(text: typedMapping, maxLength: 400, placeholder: "optional: name=Full Name,class=Reg Group")
    let form = Form(fields: [
        Form.Field(label: "CSV file", widget: path, required: true, help: "The file your MIS exported, with a header line"),
        Form.Field(label: "Column mapping", widget: mapping,
                   help: "Fields: " + ImportMapping.Field.allCases.map(\.rawValue).joined(separator: ", ") + ". Unmapped ones are guessed from the header"),
    ])
    return FormScreen(title: "Import people", helpText: context.help("aup-import"), form: form,
                      hint: { ("F2 checks the file and shows a preview; nothing is imported yet", .dim) }) {
        let name = URL(fileURLWithPath: (path.text as NSString).expandingTildeInPath).lastPathComponent
        let plan: PeopleImportPlan
        do {
            plan = try PeopleImport.plan(file: path.text, mappingText: mapping.text.isEmpty ? nil : mapping.text,
                                         register: context.workspace.aup) { done, total in
                context.progress?("Checking \(name)", done, total)
            }
        } catch PeopleImportError.badRows(let problems, let total) {
            // Every bad row in a list of its own, over the form as typed (for Esc).
            return .sequence([.push(importForm(context: context, path: path.text, mapping: mapping.text)),
                              .push(ImportErrorsScreen(context: context, problems: problems, total: total))])
        }
        return .push(ImportPreviewScreen(context: context, plan: plan))
    }
}

/// What an import will do: the column mapping, the counts and the first rows. F2 imports.
final class ImportPreviewScreen: AppScreen, Screen {
    private let plan: PeopleImportPlan
    private let table: TableView<RosterPerson>

    init(context: AppContext, plan: PeopleImportPlan) {
        self.plan = plan
        table = TableView(columns: [
            TableColumn(title: "Name", width: .flexible(min: 18)),
            TableColumn(title: "Group", width: .fixed(9)),
            TableColumn(title: "Class", width: .fixed(6)),
            TableColumn(title: "Id", width: .fixed(12)),
        ], rows: plan.people, cells: { [$0.fullName, $0.group.rawValue, $0.className ?? "", $0.id] })
        super.init(context: context)
    }

    let title = "Preview"
    var helpText: String { context.help("aup-import") }
    var hasUnsavedChanges: Bool { true }
    var actions: ActionTable {
        ActionTable([Action(.import, keys: [.function(2), .control("s")], label: "Import", help: "Import every row shown", inBar: true)], widget: table)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Ready: \(plan.summary). F2 imports; Esc cancels.", at: Point(x: rect.x + 1, y: rect.y), style: .heading, clip: rect)
        canvas.write("Columns: \(plan.mapping.summary)", at: Point(x: rect.x + 1, y: rect.y + 1), style: .dim, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 2, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { .handled } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .import else { return table.perform(action).screenResponse { .handled } }
        switch context.attempt({ try context.workspace.aup.apply(plan) }) {
        case .success: return .sequence([.popDiscarding, .message("Imported \(plan.summary).", .success)])
        case .failure(let message): return message.response
        }
    }
}

/// Why an import was refused: every bad row as a scrollable list (line, column, value, why),
/// the same rows the command line prints. Nothing was imported; Esc goes back to the form.
@MainActor
final class ImportErrorsScreen: Screen {
    private let context: AppContext
    private let table: TableView<PeopleImportError.Problem>
    private let total: Int

    init(context: AppContext, problems: [PeopleImportError.Problem], total: Int) {
        self.context = context
        self.total = total
        table = TableView(columns: [
            TableColumn(title: "Line", width: .fixed(6)),
            TableColumn(title: "Column", width: .fixed(14)),
            TableColumn(title: "Value", width: .fixed(16)),
            TableColumn(title: "Why", width: .flexible(min: 20)),
        ], rows: problems, cells: { [String($0.line), $0.column ?? "", $0.value ?? "", $0.message] })
    }

    let title = "Import refused"
    var helpText: String { context.help("aup-import") }
    var actions: ActionTable { table.actions }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Nothing was imported: \(total) row\(total == 1 ? " needs" : "s need") fixing. Fix the file, then import it again.",
                     at: Point(x: rect.x + 1, y: rect.y), style: .error, clip: rect)
        // The selected row's reason in full under the table: the Why column may be cut.
        let detailRows = 3
        table.draw(into: &canvas, rect: rect.inset(top: 2, left: 1, bottom: detailRows + 1, right: 1), focused: true)
        guard let problem = table.selectedItem else { return }
        let text = "Line \(problem.line)" + (problem.column.map { ", column \($0)" } ?? "") + ": \(problem.message)"
        for (row, part) in TextWrap.wrap(text, width: max(1, rect.width - 2)).prefix(detailRows).enumerated() {
            canvas.write(part, at: Point(x: rect.x + 1, y: rect.maxY - detailRows + row), style: .warning, clip: rect)
        }
    }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { .handled } }
    func perform(_ action: ActionID) -> ScreenResponse { table.perform(action).screenResponse { .handled } }
}
