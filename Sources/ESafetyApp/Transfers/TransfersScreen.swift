import CivilTime
import ESafetyCore
import Foundation
import TerminalUI

/// Incidents › Child-protection file transfers (leads): the files sent and received, and the
/// four steps of `esafety transfer`: this school's key, sending a file, receiving one (which
/// shows the receipt code) and recording a receipt.
final class TransfersScreen: AppScreen, Screen {
    private let list: ListView<TransferSummary>

    override init(context: AppContext) {
        let today = context.workspace.today
        list = ListView(items: [], row: { Self.row($0, today: today) })
        super.init(context: context)
        list.emptyText = "No child-protection files have been sent or received."
        reload()
    }

    let title = "Child-protection file transfers"
    var helpText: String { context.help("transfers") }
    var actions: ActionTable {
        ActionTable([
            Action(.send, keys: [.function(2), .character("s")], label: "Send", help: "Seal a pupil's file to the receiving school's key", inBar: true),
            Action(.receive, keys: [.function(3), .character("r")], label: "Receive", help: "Import a file sealed to this school", inBar: true),
            Action(.receipt, keys: [.function(4), .character("c")], label: "Receipt", help: "Record the receipt code the receiving school gave", inBar: true),
            Action(.key, keys: [.function(5), .character("k")], label: "Our key", help: "Show this school's transfer key, to give to a sending school", inBar: true),
        ])
    }

    /// The state first, so a narrow screen cuts the school's name, never whether it is late.
    static func row(_ transfer: TransferSummary, today: CivilDate) -> String {
        let state = !transfer.isOutgoing ? "received" : transfer.receiptRecordedAt != nil ? "receipted"
            : transfer.isOverdue(today: today) ? "OVERDUE" : "awaiting"
        let due = transfer.dueOn.map { " due \($0)" } ?? ""
        return state.padding(toLength: 10, withPad: " ", startingAt: 0) + "\(transfer.id) \(transfer.pupilName) "
            + (transfer.isOutgoing ? "to" : "from") + " \(transfer.otherSchool)\(due)"
    }

    private func reload() { list.items = (try? context.workspace.transfers()) ?? [] }

    func willAppear() { reload() }
    func stateDidChange() { reload() }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let rows = canvas.writeWrapped("KCSIE: the file goes within 5 school days, apart from the main pupil file; receipt is confirmed.",
                                       in: rect.inset(left: 2, right: 2).top(2), style: .dim)
        list.draw(into: &canvas, rect: rect.inset(top: max(1, rows) + 1, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key) == .unhandled ? .unhandled : .handled }

    func perform(_ action: ActionID) -> ScreenResponse {
        let workspace = context.workspace
        guard workspace.can(.transferRecords) else {
            return .message(AccessError.notAllowed(.transferRecords, workspace.session?.level ?? .staff).description, .error)
        }
        switch action {
        case .send: return .push(TransferForms.send(context: context))
        case .receive: return .push(TransferForms.receive(context: context))
        case .receipt: return .push(TransferForms.receipt(context: context))
        case .key:
            do {
                let key = try workspace.transferKey()
                return .push(TransferForms.showKey(context: context, key: key))
            } catch { return .message(String(describing: error), .error) }
        default: return .unhandled
        }
    }
}
