import ESafetyCore
import TerminalUI

/// The governors' figures: incidents by type and by term as bar charts, with no names.
@MainActor
final class FiguresScreen: Screen {
    private let context: AppContext
    private let log: IncidentLog
    private let view = TextView()

    init(context: AppContext, log: IncidentLog) {
        self.context = context
        self.log = log
    }

    let title = "Governors' figures"
    var helpText: String { context.help("figures") }
    var actions: ActionTable { ActionTable() }

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard let figures = try? log.governorFigures() else {
            canvas.write("The figures cannot be read: run esafety check.", at: Point(x: rect.x + 2, y: rect.y + 1), style: .error, clip: rect)
            return
        }
        let labelWidth = min(44, max(20, rect.width / 2 - 4))
        let barWidth = max(10, rect.width - labelWidth - 12)
        var lines = ["Incidents recorded: \(figures.total). No names or details are shown here."]
        if let transfers = try? context.workspace.transferFigures() { lines.append(transfers.sentence) }
        lines += ["", "By type"]
        lines += GovernorFigures.barChart(figures.byType, labelWidth: labelWidth, barWidth: barWidth).map { "  " + $0 }
        lines += ["", "By term"]
        lines += GovernorFigures.barChart(figures.byTerm, labelWidth: 14, barWidth: barWidth).map { "  " + $0 }
        if let policy = try? context.workspace.policyFigures() { lines += [""] + policy.lines }
        view.text = lines.joined(separator: "\n")
        view.draw(into: &canvas, rect: rect.inset(top: 1, left: 2, right: 1), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { view.handle(key: key) == .unhandled ? .unhandled : .handled }
    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}
