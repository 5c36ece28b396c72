/// A box over the screen listing what the screen is for and every key in force, generated from
/// the same `ActionTable` that handles the keys, then the keys of text fields (`LineEditing`).
///
/// It scrolls with ↑ ↓ (and `k` `j`), PgUp PgDn (and Space), Home and End, so every line can be
/// read at any size; Esc, F1 or `q` close it, the application's quit keys (F10, Ctrl-C) still
/// quit, and other keys are ignored while it is open.
public struct HelpOverlay {
    public var title: String
    public var text: String
    public var table: ActionTable
    /// The first line in view.
    public private(set) var scrollTop = 0
    /// Lines in view at the last draw (for paging).
    private var pageHeight = 10

    /// What a key did to the overlay.
    public enum Response: Equatable, Sendable {
        case handled
        case close
    }

    public init(title: String, text: String, table: ActionTable) {
        self.title = title; self.text = text; self.table = table
    }

    /// The lines of the overlay, before clipping to the room there is.
    public func lines(width: Int) -> [String] {
        var lines = TextWrap.wrap(text, width: width)
        if !lines.isEmpty { lines.append("") }
        let editing = LineEditing.helpLines
        let keyWidth = min(18, (table.helpLines + editing).map { DisplayWidth.of($0.keys) }.max() ?? 0)
        func add(_ entries: [(keys: String, help: String)]) {
            for line in entries {
                // Keys wider than their column get a row of their own, so no key name is cut.
                let keysFit = DisplayWidth.of(line.keys) <= keyWidth
                if !keysFit { lines.append(line.keys) }
                let wrapped = TextWrap.wrap(line.help, width: max(10, width - keyWidth - 2))
                for (index, part) in wrapped.enumerated() {
                    lines.append(DisplayWidth.pad(index == 0 && keysFit ? line.keys : "", to: keyWidth) + "  " + part)
                }
            }
        }
        add(table.helpLines)
        lines += ["", "In a text field"]
        add(editing)
        return lines
    }

    /// Scrolls, or says to close. Keys that do neither are ignored (`.handled`).
    public mutating func handle(_ key: Key) -> Response {
        let page = max(1, pageHeight - 1)
        switch key {
        case .escape, .function(1), .character("q"): return .close
        case .down, .character("j"): scrollTop += 1
        case .up, .character("k"): scrollTop -= 1
        case .pageDown, .character(" "): scrollTop += page
        case .pageUp: scrollTop -= page
        case .home: scrollTop = 0
        case .end: scrollTop = Int.max / 2
        default: break
        }
        scrollTop = max(0, scrollTop)
        return .handled
    }

    /// Draws the box; clamps the scroll position to the lines there are at this size.
    public mutating func draw(into canvas: inout Canvas, rect: Rect) {
        let box = rect.inset(top: 1, left: 3, bottom: 1, right: 3)
        guard box.width > 8, box.height > 3 else { return }
        canvas.fill(box, style: .dialog)
        canvas.box(box, title: title, style: .dialog)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        let all = lines(width: inner.width - 1)
        let view = inner.inset(bottom: 1)
        pageHeight = max(1, view.height)
        scrollTop = max(0, min(scrollTop, all.count - view.height))
        for row in 0..<max(0, min(view.height, all.count - scrollTop)) {
            canvas.write(all[scrollTop + row], at: Point(x: view.x, y: view.y + row), style: .dialog, clip: view.inset(right: 1))
        }
        ScrollIndicator.draw(into: &canvas, column: Rect(x: view.maxX - 1, y: view.y, width: 1, height: view.height),
                             total: all.count, shown: view.height, offset: scrollTop)
        let scrolls = all.count > view.height
        let footer = scrolls ? "↑ ↓ PgUp PgDn scroll · Esc, F1 or q closes" : "Esc, F1 or q closes"
        let shownFooter = DisplayWidth.of(footer) <= inner.width ? footer : (scrolls ? "↑↓ PgUp PgDn · Esc closes" : "Esc closes")
        canvas.write(shownFooter, at: Point(x: inner.x, y: inner.maxY - 1), style: .dim, clip: inner)
        canvas.cursor = Point(x: view.x, y: view.y)
    }
}
