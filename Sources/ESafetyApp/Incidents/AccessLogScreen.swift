import ESafetyCore
import TerminalUI

/// Who has looked at an incident: every opening, print and export, from the audit log (an
/// access log, as CPOMS keeps). Each of these is itself recorded, so nobody looks unrecorded.
final class AccessLogScreen: AppScreen, Screen {
    private let id: String
    private let list: ListView<String>
    private var problem: String?

    init(context: AppContext, id: String) {
        self.id = id
        list = ListView(items: [], row: { $0 })
        super.init(context: context)
        list.emptyText = "Nobody has opened it yet."
        willAppear()
    }

    var title: String { "Who looked at \(id)" }
    var helpText: String { context.help("access-log") }
    var actions: ActionTable { list.actions }

    func willAppear() {
        do {
            let words = ["incident.open": "opened it", "incident.report": "printed it", "incident.print": "printed it",
                         "incident.export": "exported every incident"]
            list.items = try context.workspace.accessLog(of: id).reversed().map { entry in
                "\(AuditFormatting.timestamp(entry.at, timeZone: context.workspace.timeZone))  \(entry.actor.name) \(words[entry.action] ?? entry.action)"
            }
            problem = nil
        } catch {
            problem = String(describing: error)
        }
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        if let problem {
            canvas.write(problem, at: Point(x: rect.x + 2, y: rect.y), style: .error, clip: rect)
            return
        }
        canvas.write("Newest first; each opening, print and export is recorded in the audit log.", at: Point(x: rect.x + 2, y: rect.y),
                     style: .dim, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key) == .unhandled ? .unhandled : .handled }
    func perform(_ action: ActionID) -> ScreenResponse { list.perform(action) == .unhandled ? .unhandled : .handled }
}
