import ESafetyCore
import TerminalUI

/// "My reports": the references and dates of the last 200 incidents the signed-in person
/// recorded, with no content (a reporter cannot read an incident back once it is sealed).
final class MyReportsScreen: AppScreen, Screen {
    private let list: ListView<String>

    override init(context: AppContext) {
        let reports = (try? context.workspace.attention.myReports()) ?? []
        list = ListView(items: reports.map { "\($0.id)  recorded \(AuditFormatting.timestamp($0.recordedAt, timeZone: context.workspace.timeZone))" }, row: { $0 })
        super.init(context: context)
        list.emptyText = "You have not recorded an incident here yet."
    }

    let title = "My reports"
    var helpText: String { context.help("my-reports") }
    var actions: ActionTable { list.actions }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let note = context.workspace.can(.readIncidents)
            ? "The incidents you recorded (open them from the incident log)."
            : "Only the leads can see incidents; your reports (reference and date only):"
        canvas.write(note, at: Point(x: rect.x + 2, y: rect.y), style: .dim, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key) == .unhandled ? .unhandled : .handled }
    func perform(_ action: ActionID) -> ScreenResponse { list.perform(action) == .unhandled ? .unhandled : .handled }
}

extension IncidentsMenu {
    /// What someone who may not read incidents is told where a list of incidents would be.
    static func onlyLeadsMessage(context: AppContext) -> String {
        let reports = ((try? context.workspace.attention.myReports()) ?? []).map(\.id)
        let mine = reports.isEmpty ? "you have recorded none" : reports.prefix(5).joined(separator: ", ") + (reports.count > 5 ? ", … (My reports lists the last 200)" : "")
        return "Only the leads can see incidents; your reports: \(mine)."
    }
}
