/// Read-only text that wraps to its width and scrolls: a report, a policy text to read before
/// signing. ↑ ↓ j k scroll a line, PgUp PgDn Space a page, Home End to either end. Lines that
/// start with spaces keep their indent when wrapped.
@MainActor
public final class TextView: Widget {
    /// The text shown; setting it keeps the scroll position where it can.
    public var text: String { didSet { cachedWidth = -1 } }
    /// The first row in view.
    public private(set) var scrollTop = 0
    /// Rows in view at the last draw (for paging).
    private var pageHeight = 10
    private var cachedWidth = -1
    private var cachedLines: [String] = []

    public init(text: String = "") { self.text = text }

    /// The text wrapped to `width` columns.
    public func lines(width: Int) -> [String] {
        if width != cachedWidth {
            cachedLines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                let indent = line.prefix { $0 == " " }.count
                let wrapped = TextWrap.wrap(String(line.dropFirst(indent)), width: max(1, width - indent - 2))
                return wrapped.enumerated().map { index, part in
                    String(repeating: " ", count: index == 0 ? indent : indent + 2) + part
                }
            }
            cachedWidth = width
        }
        return cachedLines
    }

    /// True when the last line is in view (a signer has scrolled through the whole text).
    public private(set) var hasReachedEnd = false

    public func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let all = lines(width: rect.width - 1)
        pageHeight = rect.height
        scrollTop = max(0, min(scrollTop, all.count - rect.height))
        for row in 0..<min(rect.height, all.count - scrollTop) {
            canvas.write(all[scrollTop + row], at: Point(x: rect.x, y: rect.y + row), clip: rect.inset(right: 1))
        }
        if scrollTop + rect.height >= all.count { hasReachedEnd = true }
        ScrollIndicator.draw(into: &canvas, column: Rect(x: rect.maxX - 1, y: rect.y, width: 1, height: rect.height),
                             total: all.count, shown: rect.height, offset: scrollTop)
    }

    /// The scrolling keys, listed for help; they go by key to `handle(key:)`.
    public var actions: ActionTable { ActionTable(WidgetKeyActions.scrolling) }

    public func handle(key: Key) -> WidgetResponse {
        let page = max(1, pageHeight - 1)
        switch key {
        case .down, .character("j"): scrollTop += 1
        case .up, .character("k"): scrollTop = max(0, scrollTop - 1)
        case .pageDown, .character(" "): scrollTop += page
        case .pageUp: scrollTop = max(0, scrollTop - page)
        case .home: scrollTop = 0
        case .end: scrollTop = Int.max / 2
        default: return .unhandled
        }
        return .handled
    }
}
