import ESafetyCore
import TerminalUI

/// Every incident that involves one person, in the order they happened: the chronology a
/// designated lead reads before deciding what to do.
final class ChronologyScreen: AppScreen, Screen {
    private let log: IncidentLog
    private let name: String
    private let list: ListView<IncidentSummary>

    init(context: AppContext, log: IncidentLog, name: String, personID: String?) {
        self.log = log
        self.name = name
        let form = log.form
        list = ListView(items: log.chronology(personID: personID, name: name)) { record in
            let types = record.typeLabels(form).joined(separator: "; ")
            return "\(record.date())  \(record.id)  \(record.status.label)  \(types)"
        }
        super.init(context: context)
    }

    var title: String { "Chronology: \(name)" }
    var helpText: String { context.help("chronology") }
    var actions: ActionTable { ActionTable([CommonActions.open]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("\(list.items.count) incidents involving \(name), oldest first", at: Point(x: rect.x + 1, y: rect.y), style: .dim, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 2, left: 1, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key).screenResponse { perform(.open) } }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .open, let record = list.selectedItem else { return .unhandled }
        return .push(IncidentScreen(context: context, log: log, id: record.id))
    }
}
