import ESafetyCore
import TerminalUI

/// One review item: what it is and where the policy asks for it, its owner, cadence, next due
/// date and term, and its whole history, newest first. F5 records it as done.
final class ReviewItemScreen: AppScreen, Screen {
    private let itemID: String
    private var scrollTop = 0

    init(context: AppContext, itemID: String) {
        self.itemID = itemID
        super.init(context: context)
    }

    private var item: ReviewItem? { context.workspace.reviews.schedule.item(itemID) }

    var title: String { item?.title ?? "Review item" }
    var helpText: String { context.help("review-item") }

    var actions: ActionTable { ActionTable(ReviewActions.access(context).offering([ReviewActions.markDone])) }

    /// The page as lines of text with their styles, wrapped to `width`.
    func lines(width: Int) -> [(String, Style)] {
        guard let item else { return [("This item is no longer in the schedule.", .warning)] }
        let workspace = context.workspace
        let reviews = workspace.reviews
        let due = ReviewDue(item: item, calendar: reviews.calendar, today: workspace.today)
        var out: [(String, Style)] = []
        let labelWidth = 12
        let indent = String(repeating: " ", count: labelWidth)
        func add(_ text: String, _ style: Style = .normal) {
            out += TextWrap.wrap(text, width: max(10, width)).map { ($0, style) }
        }
        /// A label in a column of its own, the value wrapped beside it.
        func field(_ label: String, _ value: String, _ style: Style = .normal) {
            for (index, line) in TextWrap.wrap(value, width: max(10, width - labelWidth)).enumerated() {
                out.append(((index == 0 ? DisplayWidth.pad(label, to: labelWidth) : indent) + line, style))
            }
        }
        add(item.title, .heading)
        if !item.detail.isEmpty { add(item.detail) }
        out.append(("", .normal))
        let holders = workspace.directory.holders(of: item.ownerRoleID).map(\.fullName)
        field("Owner", workspace.roleName(item.ownerRoleID) + (holders.isEmpty ? " (nobody holds it yet)" : ": " + holders.joined(separator: ", ")))
        field("How often", item.cadence.description)
        field("Next due", "\(reviews.describe(due.due)), \(due.stateText)" + (item.lastDone == nil ? " (never recorded as done)" : ""), due.style)
        if item.isOptional { field("Optional", item.optionalReason, .dim) }
        field("Source", item.source, .dim)
        if item.id == "retention-review" { out += retentionLines(width: width) }
        out.append(("", .normal))
        add(item.history.isEmpty ? "History: nothing recorded yet (F5 records it as done)" : "History (\(item.history.count)), newest first", .heading)
        for entry in item.history.reversed() {
            field(entry.date.description, "Done by \(entry.doneBy)" + (entry.recordedBy.isEmpty ? "" : "; recorded by \(entry.recordedBy)"))
            if !entry.notes.isEmpty { field("", entry.notes) }
            if !entry.evidence.isEmpty { field("", "Evidence: " + entry.evidence, .dim) }
        }
        return out
    }

    private func retentionLines(width: Int) -> [(String, Style)] {
        var out: [(String, Style)] = [("", .normal), ("Records due for their retention review (pupil now 25 or over)", .heading)]
        guard let report = context.workspace.reviews.retentionReport() else {
            out.append(("Incident records are not connected to this schedule yet: the list appears here once they are.", .dim))
            return out
        }
        if report.due.isEmpty { out.append(("None today.", .success)) }
        for entry in report.due {
            out.append(("\(entry.reviewDate)  \(entry.record.recordID)  \(entry.record.summary)", .warning))
        }
        if !report.withoutDateOfBirth.isEmpty {
            out.append(("\(report.withoutDateOfBirth.count) records have no pupil date of birth and cannot be judged yet.", .dim))
        }
        return out
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = rect.inset(top: 1, left: 2, right: 2)
        let all = lines(width: inner.width)
        scrollTop = max(0, min(scrollTop, all.count - inner.height))
        for (row, (text, style)) in all.dropFirst(scrollTop).prefix(inner.height).enumerated() {
            canvas.write(text, at: Point(x: inner.x, y: inner.y + row), style: style, clip: inner)
        }
        if scrollTop + inner.height < all.count {
            let more = "↓ more below"
            canvas.write(more, at: Point(x: inner.maxX - DisplayWidth.of(more), y: inner.maxY - 1), style: .dim, clip: inner)
        }
    }

    func handle(key: Key) -> ScreenResponse {
        switch key {
        case .down, .character("j"): scrollTop += 1
        case .up, .character("k"): scrollTop = max(0, scrollTop - 1)
        case .pageDown: scrollTop += 10
        case .pageUp: scrollTop = max(0, scrollTop - 10)
        case .home: scrollTop = 0
        default: return .unhandled
        }
        return .handled
    }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .markDone, let item, ReviewActions.access(context).mayEdit else { return .unhandled }
        return .push(MarkDoneForm.screen(context: context, item: item))
    }
}
