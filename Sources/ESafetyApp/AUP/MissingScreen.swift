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
                ListColumn("Who", .flexible(min: 24)) { line in
                    let indent = line.level == .yearGroup ? "  " : line.level == .className ? "    " : ""
                    return indent + line.label
                },
                ListColumn("Signed", .fixed(7), alignment: .right) { "\($0.completion.signed)" },
                ListColumn("Due", .fixed(6), alignment: .right) { "\($0.completion.due)" },
                ListColumn("Missing", .fixed(7), alignment: .right) { "\($0.completion.missing)" },
                ListColumn("Done", .fixed(5), alignment: .right) { "\($0.completion.percent)%" },
            ],
            rows: { workspace.aup.missingReport(today: workspace.today) },
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
