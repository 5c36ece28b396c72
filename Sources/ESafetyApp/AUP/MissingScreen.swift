import ESafetyCore
import TerminalUI

/// Who has not signed this school year: a line per group, pupil year group and class with counts
/// and percentage done; Enter lists the people on a line.
@MainActor
final class MissingScreen: Screen {
    private let context: AppContext
    private let table: TableView<AUPMissingLine>

    init(context: AppContext) {
        self.context = context
        table = TableView(
            columns: [
                TableColumn(title: "Who", width: .flexible(min: 24)),
                TableColumn(title: "Signed", width: .fixed(7), alignment: .right),
                TableColumn(title: "Due", width: .fixed(6), alignment: .right),
                TableColumn(title: "Missing", width: .fixed(7), alignment: .right),
                TableColumn(title: "Done", width: .fixed(5), alignment: .right),
            ],
            rows: context.workspace.aup.missingReport(today: context.workspace.today),
            cells: { line in
                let indent = line.level == .yearGroup ? "  " : line.level == .className ? "    " : ""
                return [indent + line.label, "\(line.completion.signed)", "\(line.completion.due)", "\(line.completion.missing)", "\(line.completion.percent)%"]
            })
    }

    let title = "Who has not signed"
    var helpText: String { AUPHelp.text("aup-missing") }
    var actions: ActionTable { ActionTable([CommonActions.open, CommonActions.filter]) }

    func willAppear() { table.rows = context.workspace.aup.missingReport(today: context.workspace.today) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let year = SchoolYear(containing: context.workspace.today)
        canvas.write("School year \(year), since \(year.start), on the current versions. Enter lists names.",
                     at: Point(x: rect.x + 1, y: rect.y), style: .dim, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { table.handle(key: key).screenResponse { perform("open") } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == "open", let line = table.selectedItem else { return .unhandled }
        let list = PickerScreen(title: "Not signed: \(line.label)", helpText: AUPHelp.text("aup-missing"), items: line.missing,
                                row: { $0.listLabel }) { [context] person in
            // Someone who may not record signatures (a governor) sees the person's history instead.
            guard context.workspace.can(.recordSignatures) else { return .push(SignatureHistoryScreen(context: context, person: person)) }
            guard let version = context.workspace.aup.currentVersion(of: person.group.aup) else { return .handled }
            return .push(AUPSignScreen(context: context, person: person, version: version))
        }
        return .push(list)
    }
}
