import ESafetyCore
import TerminalUI

/// An AUP text in a box that scrolls (a `TextView`), remembering whether it has been shown to
/// its end: the signing screens enable the signature only then.
@MainActor
final class AUPTextPane {
    let version: AUPVersion
    private let view: TextView

    init(version: AUPVersion) {
        self.version = version
        view = TextView(text: Self.reflow(version.text))
    }

    /// True once the last line of the text has been on screen.
    var shownToEnd: Bool { view.hasReachedEnd }

    /// Draws the text in a box filling `rect`, with where the reader is on its bottom edge.
    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.box(rect)
        let inner = rect.inset(by: 1)
        view.draw(into: &canvas, rect: inner, focused: true)
        let total = view.lines(width: inner.width - 1).count
        let shown = min(total, view.scrollTop + inner.height)
        let position = shown >= total ? "end of the text" : "↓ more: lines \(view.scrollTop + 1)–\(shown) of \(total)"
        canvas.write(" \(position) ", at: Point(x: rect.x + 2, y: rect.maxY - 1), style: .dim, clip: rect)
    }

    /// The keys `scroll(_:)` takes, for the screen's table.
    private static let scrollKeys: Set<Key> = [.up, .down, .pageUp, .pageDown, .home, .end]

    /// The text's scrolling keys, listed in help (they go by key to `scroll(_:)`).
    var actions: ActionTable { view.actions.only(Self.scrollKeys) }

    /// Scrolls for ↑ ↓ PgUp PgDn Home End (not letters: a name may be typed beside it); false
    /// for any other key.
    func scroll(_ key: Key) -> Bool {
        Self.scrollKeys.contains(key) && view.handle(key: key) != .unhandled
    }

    /// Joins the lines of a hard-wrapped paragraph so the text wraps to the window; a blank line
    /// or a line starting a numbered or bulleted item still starts a new line.
    static func reflow(_ text: String) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let startsItem = trimmed.first.map { $0.isNumber || $0 == "-" || $0 == "•" } ?? true
            if let last = out.last, !last.isEmpty, !trimmed.isEmpty, !startsItem {
                out[out.count - 1] = last + " " + trimmed
            } else {
                out.append(trimmed)
            }
        }
        return out.joined(separator: "\n")
    }
}

/// Reading an AUP text on its own (AUP › Read the AUP texts). With `next`, it is the first step of
/// signing (a guest's): F2 goes on to the signature, offered only once the text has been shown
/// to its end.
@MainActor
final class AUPTextScreen: Screen {
    let pane: AUPTextPane
    private let context: AppContext
    private let next: (label: String, screen: @MainActor () -> any Screen)?

    init(context: AppContext, version: AUPVersion, next: (label: String, screen: @MainActor () -> any Screen)? = nil) {
        self.context = context
        pane = AUPTextPane(version: version)
        self.next = next
    }

    var title: String { pane.version.kind.title }
    var helpText: String { context.help(next == nil ? "aup-read" : "aup-guests") }
    var actions: ActionTable {
        guard let next, pane.shownToEnd else { return pane.actions }
        return ActionTable([Action(.next, keys: [.function(2)], label: next.label, help: "Go on to the signature: the text has been read to its end", inBar: true)])
            .merged(with: pane.actions)
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("\(pane.version.kind.title) · version \(pane.version.id) · published \(pane.version.publishedOn)",
                     at: Point(x: rect.x + 1, y: rect.y), style: .heading, clip: rect)
        pane.draw(into: &canvas, rect: Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: max(3, rect.height - 2)))
        let hint: (String, Style)
        if let next {
            hint = pane.shownToEnd ? ("F2: \(next.label); Esc goes back", .dim) : ("Read the text to its end (↓ PgDn End): then F2 goes on to the signature", .warning)
        } else {
            hint = ("↑ ↓ PgUp PgDn Home End scroll; Esc goes back", .dim)
        }
        canvas.write(hint.0, at: Point(x: rect.x + 1, y: rect.maxY - 1), style: hint.1, clip: rect)
    }

    func handle(key: Key) -> ScreenResponse { pane.scroll(key) ? .handled : .unhandled }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .next, let next, pane.shownToEnd else { return .unhandled }
        return .replace(next.screen())
    }
}
