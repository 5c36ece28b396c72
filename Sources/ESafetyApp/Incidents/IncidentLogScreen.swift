import CivilTime
import ESafetyCore
import TerminalUI

/// The incident log: newest first, with id, date, types and status. F3 filters by status, type,
/// term and person; `/` searches the rows (ids, types and the people involved); Enter opens an incident.
final class IncidentLogScreen: AppScreen, Screen {
    private let log: IncidentLog
    private let table: TableView<IncidentSummary>
    private var filter = IncidentFilter()

    init(context: AppContext, log: IncidentLog) {
        self.log = log
        let form = log.form
        let today = context.workspace.today
        table = TableView(
            columns: [
                TableColumn(title: "Id", width: .fixed(9)),
                TableColumn(title: "Happened", width: .fixed(10)),
                TableColumn(title: "Type", width: .flexible(min: 20)),
                TableColumn(title: "Status", width: .fixed(17)),
            ],
            rows: log.summaries,
            cells: { record in
                let types = record.typeLabels(form)
                let overdue = record.overdueFollowUps(today: today).isEmpty ? "" : " !"
                return [record.id, record.date().description, types.joined(separator: "; "), record.status.label + overdue]
            },
            // `/` finds the people involved too (only those who may read incidents see the log).
            searchAlso: { record in record.involved.map(\.name).joined(separator: " ") + " " + record.otherType })
        super.init(context: context)
    }

    let title = "Incident log"
    var helpText: String { context.help("incident-log") }

    var actions: ActionTable {
        ActionTable([
            CommonActions.open,
            Action(.record, keys: [.function(7), .character("a")], label: "Record", help: "Record a new incident", inBar: true),
            Action(.filterForm, keys: [.function(3), .control("f")], label: "Filter", help: "Show only incidents of a status, type, term or person", inBar: true),
            Action(.clearFilter, keys: [.character("x")], label: "Clear", help: "Clear the filter"),
        ], widget: table)
    }

    func willAppear() { applyFilter() }

    private func applyFilter() {
        table.rows = log.filtered(by: filter, term: SchoolTermLabel.usual)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let shown = table.shownCount  // after the `/` filter as well as the form's
        var note = "\(shown) of \(log.summaries.count) incidents"
        if !filter.isEmpty { note += " · filtered: \(describe(filter)) (x clears)" }
        canvas.write(note, at: Point(x: rect.x + 1, y: rect.y), style: filter.isEmpty ? .dim : .warning, clip: rect)
        table.draw(into: &canvas, rect: rect.inset(top: 1, left: 1, right: 1), focused: true)
    }

    private func describe(_ filter: IncidentFilter) -> String {
        var parts: [String] = []
        if let status = filter.status { parts.append(status.label) }
        if let type = filter.typeID { parts.append(IncidentFormDefinition.label(type, in: log.form.incidentTypes)) }
        if let term = filter.term { parts.append(term.description) }
        if !filter.person.isEmpty { parts.append("involving \(filter.person)") }
        return parts.joined(separator: ", ")
    }

    func handle(key: Key) -> ScreenResponse {
        table.handle(key: key).screenResponse { perform(.open) }
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .open:
            guard let record = table.selectedItem else { return .handled }
            return .push(IncidentScreen(context: context, log: log, id: record.id))
        case .record:
            return IncidentsMenu.recordIncident(context: context, log: log)
        case .clearFilter:
            filter = IncidentFilter()
            applyFilter()
            return .handled
        case .filterForm:
            return .push(filterForm())
        default:
            return table.perform(action).screenResponse { perform(.open) }
        }
    }

    private func filterForm() -> FormScreen {
        let status = ChoiceField(options: [(label: "any", value: "")] + IncidentStatus.allCases.map { (label: $0.label, value: $0.rawValue) },
                                 selection: filter.status?.rawValue ?? "")
        status.isVertical = true
        let types = ChoiceField(options: [(label: "any", value: "")] + log.form.incidentTypes.map { (label: $0.label, value: $0.id) },
                                selection: filter.typeID ?? "")
        types.isVertical = true
        let terms = Set(log.summaries.map { SchoolTermLabel.usual(for: $0.date()) }).sorted()
        let term = ChoiceField(options: [(label: "any", value: "")] + terms.map { (label: $0.description, value: $0.description) },
                               selection: filter.term?.description ?? "")
        term.isVertical = true
        let person = TextField(text: filter.person, maxLength: 120, placeholder: "part of a name")
        let form = Form(fields: [
            Form.Field(label: "Status", widget: status),
            Form.Field(label: "Type", widget: types),
            Form.Field(label: "Term", widget: term),
            Form.Field(label: "Person involved", widget: person),
        ])
        return FormScreen(title: "Filter", helpText: context.help("incident-filter"), form: form,
                          hint: { ("Choose with Space or ←/→; F2 applies", .dim) }) { [weak self] in
            guard let self else { return .handled }
            self.filter = IncidentFilter(
                status: (status.selection).flatMap(IncidentStatus.init(rawValue:)),
                typeID: (types.selection ?? "").isEmpty ? nil : types.selection,
                term: terms.first { $0.description == term.selection },
                person: person.text)
            self.applyFilter()
            return .handled
        }
    }
}
