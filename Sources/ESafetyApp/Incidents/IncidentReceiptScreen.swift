import ESafetyCore
import TerminalUI

/// Shown after a report is submitted: its id, for the reporter to note. It does not show the
/// report again: at a shared terminal the receipt is all a reporter needs.
final class IncidentReceiptScreen: AppScreen, Screen {
    private let record: IncidentRecord

    init(context: AppContext, record: IncidentRecord) {
        self.record = record
        super.init(context: context)
    }

    var title: String { "Receipt \(record.id)" }
    var helpText: String { context.help("incident-receipt") }
    var actions: ActionTable { ActionTable([Action(.done, keys: [.enter], label: "Done", help: "Close the receipt", inBar: true)]) }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let lead = context.workspace.esafetyContact
        let lines: [(String, Style)] = [
            ("Incident recorded", .success),
            ("", .normal),
            ("Reference: \(record.id)", .heading),
            ("Recorded \(AuditFormatting.timestamp(record.recordedAt)) by \(record.recordedBy.name)", .normal),
            ("", .normal),
            ("Tell the e-safety lead now if you have not already\(lead.map { ": \($0.fullName), \($0.contactLine)" } ?? ".")", .normal),
            ("Do not promise confidentiality to the person who reported it.", .warning),
        ]
        var y = rect.y + 1
        for (text, style) in lines {
            for part in TextWrap.wrap(text, width: rect.width - 4) where y < rect.maxY {
                canvas.write(part, at: Point(x: rect.x + 2, y: y), style: style, clip: rect); y += 1
            }
        }
    }

    func perform(_ action: ActionID) -> ScreenResponse { action == .done ? .popDiscarding : .unhandled }
}
