import ESafetyCore
import TerminalUI

/// The whole response flowchart as an outline tree: questions (?), their options (•), action
/// steps (▸) with their checklist, outcomes (■). A step reached again says "see above".
final class FlowchartOutlineScreen: TextPageScreen, Screen {
    let title = "Outline"

    init(context: AppContext, chart: Flowchart) {
        super.init(context: context)
        view.text = ([chart.title + " (version \(chart.version))", ""] + FlowchartDiagram.outline(chart)).joined(separator: "\n")
    }

    var helpText: String { context.help("flowchart-outline") }
    var actions: ActionTable { view.actions }

    override func draw(into canvas: inout Canvas, rect: Rect) {
        view.draw(into: &canvas, rect: rect.inset(left: 2, right: 1), focused: true)
    }

    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}
