import ESafetyCore
import TerminalUI

/// Who has not signed this school year: a line per group, pupil year group and class with counts
/// and percentage done; Enter lists the people on a line.
@MainActor
enum MissingScreen {
    static func screen(context: AppContext) -> ListScreen<AUPMissingLine> {
        let workspace = context.workspace
        let list = ListScreen<AUPMissingLine>(
            title: "Who has not signed", help: { context.help("aup-missing") },
            columns: [
                TableColumn(title: "Who", width: .flexible(min: 24)),
                TableColumn(title: "Signed", width: .fixed(7), alignment: .right),
                TableColumn(title: "Due", width: .fixed(6), alignment: .right),
                TableColumn(title: "Missing", width: .fixed(7), alignment: .right),
                TableColumn(title: "Done", width: .fixed(5), alignment: .right),
            ],
            rows: { workspace.aup.missingReport(today: workspace.today) },
            cells: { line in
                let indent = line.level == .yearGroup ? "  " : line.level == .className ? "    " : ""
                return [indent + line.label, "\(line.completion.signed)", "\(line.completion.due)", "\(line.completion.missing)", "\(line.completion.percent)%"]
            },
            heading: { _ in
                let year = SchoolYear(containing: workspace.today)
                return [("School year \(year), since \(year.start), on the current versions. Enter lists names.", .dim)]
            },
            entries: { [.onRow(CommonActions.open) { .push(names(on: $0, context: context)) }] })
        list.headingRows = 2
        return list
    }

    private static func names(on line: AUPMissingLine, context: AppContext) -> PickerScreen<RosterPerson> {
        PickerScreen(title: "Not signed: \(line.label)", helpText: context.help("aup-missing"), items: line.missing,
                     row: { $0.listLabel }) { person in
            // Someone who may not record signatures (a governor) sees the person's history instead.
            guard context.workspace.can(.recordSignatures) else { return .push(SignatureHistoryScreen(context: context, person: person)) }
            guard let version = context.workspace.aup.currentVersion(of: person.group.aup) else { return .handled }
            return .push(AUPSignScreen(context: context, person: person, version: version))
        }
    }
}
