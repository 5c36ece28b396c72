import ESafetyCore
import Foundation
import TerminalUI

/// The checklist a walk ended in: each action with the people to contact (as they were at the
/// time of the walk). Space or Enter ticks the selected action: who and when are recorded, and
/// the matching item of the incident's "Action taken" list is ticked too.
final class FlowchartChecklistScreen: AppScreen, Screen {
    private let log: IncidentLog
    private let incidentID: String
    private let walkID: Int
    private var selected = 0
    private var scrollTop = 0

    init(context: AppContext, log: IncidentLog, incidentID: String, walkID: Int) {
        self.log = log
        self.incidentID = incidentID
        self.walkID = walkID
        super.init(context: context)
    }

    private var walk: FlowchartWalk? { log.record(incidentID)?.walks.first { $0.id == walkID } }

    var title: String { "Checklist \(incidentID)/\(walkID)" }
    var helpText: String { context.help("flowchart-checklist") }

    var actions: ActionTable {
        ActionTable([Action(.tick, keys: [.character(" "), .enter], label: "Tick", help: "Tick the selected action as done: your name and the time are kept, and the incident's action-taken list is ticked", inBar: true),
                     Action(.untick, keys: [.character("u")], label: "Untick", help: "Take back a tick made by mistake, with a reason: the tick stays in the history, struck through", inBar: true)])
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        guard let walk else { return }
        let body = rect.inset(left: 2, right: 1)
        var header: [(String, Style)] = [("Outcome: \(walk.outcome)", .success)]
        header += TextWrap.wrap("Path: " + walk.fullPathText, width: max(1, body.width)).suffix(2).map { ($0, .dim) }
        var lines: [(String, Style, Int?)] = []
        for (index, action) in walk.actions.enumerated() {
            let mark = action.isDone ? "[x] " : "[ ] "
            for (n, part) in TextWrap.wrap(mark + action.text, width: max(1, body.width - 2)).enumerated() {
                lines.append(((n == 0 ? "" : "    ") + part, index == selected ? .selected : (action.isDone ? .dim : .normal), index))
            }
            if let at = action.doneAt {
                lines.append(("      done \(AuditFormatting.timestamp(at)) by \(action.doneBy?.name ?? "?")", .dim, nil))
            }
            for contact in action.contacts {
                for (n, part) in TextWrap.wrap(contact.line, width: max(1, body.width - 8)).enumerated() {
                    lines.append(((n == 0 ? "      " : "        ") + part, contact.confirmed ? .normal : .warning, nil))
                }
            }
        }
        var y = body.y
        for (text, style) in header where y < body.maxY {
            canvas.write(text, at: Point(x: body.x, y: y), style: style, clip: body); y += 1
        }
        y += 1
        let height = max(1, body.maxY - y)
        let first = lines.firstIndex { $0.2 == selected } ?? 0
        // The selected action with its contacts: up to the next action's first line.
        let nextAction = lines.indices.first { $0 > first && lines[$0].2 != nil && lines[$0].2 != selected } ?? lines.count
        let last = min(nextAction - 1, first + height - 1)
        if first < scrollTop { scrollTop = first }
        if last >= scrollTop + height { scrollTop = last - height + 1 }
        scrollTop = max(0, min(scrollTop, lines.count - height))
        for (text, style, _) in lines.dropFirst(scrollTop).prefix(height) {
            canvas.write(text, at: Point(x: body.x, y: y), style: style, clip: body); y += 1
        }
    }

    func handle(key: Key) -> ScreenResponse {
        guard let walk else { return .unhandled }
        switch key {
        case .up, .character("k"): selected = max(0, selected - 1)
        case .down, .character("j"): selected = min(walk.actions.count - 1, selected + 1)
        case .home: selected = 0
        case .end: selected = walk.actions.count - 1
        case .pageUp: selected = max(0, selected - 5)
        case .pageDown: selected = min(walk.actions.count - 1, selected + 5)
        default: return .unhandled
        }
        return .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        if action == .untick { return untick() }
        guard action == .tick, let walk, walk.actions.indices.contains(selected) else { return .unhandled }
        let item = walk.actions[selected]
        if item.isDone { return .message("Already ticked by \(item.doneBy?.name ?? "someone").", .info) }
        do {
            try log.tickWalkAction(item.id, walk: walkID, of: incidentID)
        } catch {
            return .message(String(describing: error), .error)
        }
        if selected < walk.actions.count - 1 { selected += 1 }
        return .message("Ticked: \(item.text)", .success)
    }

    /// Asks why, then takes the tick back; the walk keeps it as a correction.
    private func untick() -> ScreenResponse {
        guard let walk, walk.actions.indices.contains(selected) else { return .unhandled }
        let item = walk.actions[selected]
        guard item.isDone else { return .message("This action is not ticked.", .info) }
        let reason = TextField(maxLength: 200, placeholder: "why the tick is taken back")
        let form = Form(fields: [Form.Field(label: "Reason", widget: reason, required: true,
                                            help: "Kept with the walk and shown struck through in the report's history")])
        return .push(FormScreen(title: "Take back a tick", helpText: context.help("flowchart-checklist"), form: form) { [log, walkID, incidentID] in
            try log.untickWalkAction(item.id, walk: walkID, of: incidentID, reason: reason.text)
            return .message("Took back the tick of: \(item.text)", .success)
        })
    }
}
