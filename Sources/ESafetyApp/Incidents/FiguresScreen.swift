import ESafetyCore
import TerminalUI

/// The governors' figures: incidents by type and by term as bar charts, with no names.
final class FiguresScreen: TextPageScreen, Screen {
    private let log: IncidentLog

    init(context: AppContext, log: IncidentLog) {
        self.log = log
        super.init(context: context)
    }

    let title = "Governors' figures"
    var helpText: String { context.help("figures") }
    var actions: ActionTable { view.actions }

    override func draw(into canvas: inout Canvas, rect: Rect) {
        guard let figures = try? log.governorFigures() else {
            canvas.write("The figures cannot be read: run esafety check.", at: Point(x: rect.x + 2, y: rect.y + 1), style: .error, clip: rect)
            return
        }
        // A chart line must not wrap: the view is inset by 2 and 1, keeps a column for its scroll
        // bar and wraps indented lines 2 short; the chart is indented by 2.
        let chartWidth = rect.width - 3 - 1 - 2 - 2
        var lines = ["Incidents recorded: \(figures.total). No names or details are shown here."]
        if let transfers = try? context.workspace.transferFigures() { lines.append(transfers.sentence) }
        lines += ["", "By type"]
        lines += BarChart(figures.byType.bars).lines(width: chartWidth).map { "  " + $0 }
        lines += ["", "By term"]
        lines += BarChart(figures.byTerm.bars).lines(width: chartWidth).map { "  " + $0 }
        if let policy = try? context.workspace.policyFigures() { lines += [""] + policy.lines }
        view.text = lines.joined(separator: "\n")
        super.draw(into: &canvas, rect: rect)
    }

    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}

extension [GovernorFigures.Count] {
    /// The counts as bars of a chart.
    var bars: [BarChart.Bar] { map { BarChart.Bar($0.label, $0.count) } }
}
