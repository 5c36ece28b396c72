import Foundation
import ESafetyCore
import TerminalUI

/// Import the roster from a CSV file: the file and an optional column mapping; F2 checks every
/// row and shows a preview; nothing changes until the preview is confirmed.
@MainActor
func importForm(context: AppContext) -> FormScreen {
    let path = TextField(maxLength: 400, placeholder: "/path/to/roster.csv")
    let mapping = TextField(maxLength: 400, placeholder: "optional: name=Full Name,class=Reg Group")
    let form = Form(fields: [
        Form.Field(label: "CSV file", widget: path, required: true, help: "The file your MIS exported, with a header line"),
        Form.Field(label: "Column mapping", widget: mapping,
                   help: "Fields: " + ImportMapping.Field.allCases.map(\.rawValue).joined(separator: ", ") + ". Unmapped ones are guessed from the header"),
    ])
    return FormScreen(title: "Import people", helpText: AUPHelp.text("aup-import"), form: form,
                      hint: { ("F2 checks the file and shows a preview; nothing is imported yet", .dim) }) {
        let file = (path.text as NSString).expandingTildeInPath
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw AUPScreenError("Cannot read \(file) as UTF-8 text.")
        }
        let name = URL(fileURLWithPath: file).lastPathComponent
        let plan = try PeopleImport.plan(csv: text, sourceName: name,
                                         mappingText: mapping.text.isEmpty ? nil : mapping.text, register: context.workspace.aup) { done, total in
            context.progress?("Checking \(name)", done, total)
        }
        return .push(ImportPreviewScreen(context: context, plan: plan))
    }
}

/// A message for the status line from an AUP screen.
struct AUPScreenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What an import will do: the column mapping, the counts and the first rows. F2 imports.
@MainActor
final class ImportPreviewScreen: Screen {
    private let context: AppContext
    private let plan: PeopleImportPlan
    private let table: TableView<RosterPerson>

    init(context: AppContext, plan: PeopleImportPlan) {
        self.context = context
        self.plan = plan
        table = TableView(columns: [
            TableColumn(title: "Name", width: .flexible(min: 18)),
            TableColumn(title: "Group", width: .fixed(9)),
            TableColumn(title: "Class", width: .fixed(6)),
            TableColumn(title: "Id", width: .fixed(12)),
        ], rows: plan.people, cells: { [$0.fullName, $0.group.rawValue, $0.className ?? "", $0.id] })
    }

    let title = "Preview"
    var helpText: String { AUPHelp.text("aup-import") }
    var hasUnsavedChanges: Bool { true }
    var actions: ActionTable {
        ActionTable([Action("import", keys: [.function(2)], label: "Import", help: "Import every row shown", inBar: true), CommonActions.filter])
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Ready: \(plan.summary). F2 imports; Esc cancels.", at: Point(x: rect.x + 1, y: rect.y), style: .heading, clip: rect)
        canvas.write("Columns: \(plan.mapping.summary)", at: Point(x: rect.x + 1, y: rect.y + 1), style: .dim, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 2, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { .handled } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "import" else { return .unhandled }
        switch context.attempt({ try context.workspace.aup.apply(plan) }) {
        case .success: return .sequence([.popDiscarding, .message("Imported \(plan.summary).", .success)])
        case .failure(let message): return message.response
        }
    }
}
