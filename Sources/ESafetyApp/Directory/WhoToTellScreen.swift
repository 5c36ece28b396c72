import ESafetyCore
import TerminalUI

/// "Who do I tell?": the situations the policies describe; for the selected one, who to tell
/// (with today's holders and their numbers), which outside services may be needed, and what to do.
final class WhoToTellScreen: AppScreen, Screen {
    private let list: ListView<ReportingLine>

    override init(context: AppContext) {
        list = ListView(items: context.workspace.reportingLines) { $0.situation }
        super.init(context: context)
    }

    let title = "Who do I tell?"
    var helpText: String { context.help("who-to-tell") }
    var actions: ActionTable { list.actions }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = rect.inset(left: 1, right: 1)
        let wide = rect.width >= 110
        let listRect = wide ? Rect(x: inner.x, y: inner.y, width: inner.width / 2 - 1, height: inner.height)
                            : Rect(x: inner.x, y: inner.y, width: inner.width, height: min(list.items.count, max(4, inner.height / 2 - 2)) + 1)
        list.draw(into: &canvas, rect: listRect, focused: true)
        let detail = wide ? Rect(x: listRect.maxX + 2, y: inner.y, width: inner.maxX - listRect.maxX - 2, height: inner.height)
                          : Rect(x: inner.x, y: listRect.maxY + 1, width: inner.width, height: inner.maxY - listRect.maxY - 1)
        guard let line = list.selectedItem, detail.height > 0 else { return }
        drawDetail(line, into: &canvas, rect: detail)
    }

    private func drawDetail(_ line: ReportingLine, into canvas: inout Canvas, rect: Rect) {
        let workspace = context.workspace
        var rows: [(String, Style)] = [(line.situation, .emphasis)]
        for (index, roleID) in line.tellRoleIDs.enumerated() {
            guard let role = workspace.directory.role(roleID) else { continue }
            let holders = workspace.directory.holders(of: roleID)
            rows.append(("\(index == 0 ? "Tell" : "or") \(role.name):", .heading))
            if holders.isEmpty { rows.append(("  nobody holds this role yet: set it in the role directory", .warning)) }
            for person in holders { rows.append(("  \(person.fullName): \(person.contactLine)", .normal)) }
        }
        for id in line.externalContactIDs {
            guard let contact = workspace.profile.contact(id) else { continue }
            rows.append(("May need: \(contact.service)", .heading))
            rows.append(("  " + contact.contactLine, contact.confirmed ? .normal : .warning))
        }
        rows.append((line.guidance, .normal))
        rows.append(("Source: " + line.source, .dim))
        var y = rect.y
        for (text, style) in rows {
            let indent = text.prefix { $0 == " " }.count
            for part in TextWrap.wrap(String(text.dropFirst(indent)), width: rect.width - indent) where y < rect.maxY {
                canvas.write(part, at: Point(x: rect.x + indent, y: y), style: style, clip: rect)
                y += 1
            }
        }
    }

    func handle(key: Key) -> ScreenResponse {
        list.handle(key: key) == .unhandled ? .unhandled : .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse { list.perform(action) == .unhandled ? .unhandled : .handled }
}
