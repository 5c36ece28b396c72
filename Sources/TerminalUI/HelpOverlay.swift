/// A box over the screen listing what the screen is for and every key in force, generated from
/// the same `ActionTable` that handles the keys. Any key closes it.
public struct HelpOverlay {
    public var title: String
    public var text: String
    public var table: ActionTable

    public init(title: String, text: String, table: ActionTable) {
        self.title = title; self.text = text; self.table = table
    }

    /// The lines of the overlay, before clipping to the room there is.
    public func lines(width: Int) -> [String] {
        var lines = TextWrap.wrap(text, width: width)
        if !lines.isEmpty { lines.append("") }
        let keyWidth = min(18, table.helpLines.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        for line in table.helpLines {
            let wrapped = TextWrap.wrap(line.help, width: max(10, width - keyWidth - 2))
            for (index, part) in wrapped.enumerated() {
                lines.append(DisplayWidth.pad(index == 0 ? line.keys : "", to: keyWidth) + "  " + part)
            }
        }
        return lines
    }

    public func draw(into canvas: inout Canvas, rect: Rect) {
        let box = rect.inset(top: 1, left: 3, bottom: 1, right: 3)
        guard box.width > 8, box.height > 3 else { return }
        canvas.fill(box, style: .dialog)
        canvas.box(box, title: title, style: .dialog)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        var shown = lines(width: inner.width)
        if shown.count > inner.height - 1 { shown = Array(shown.prefix(inner.height - 2)) + ["…"] }
        for (index, line) in shown.enumerated() {
            canvas.write(line, at: Point(x: inner.x, y: inner.y + index), style: .dialog, clip: inner)
        }
        canvas.write("Press any key to close", at: Point(x: inner.x, y: inner.maxY - 1), style: .dim, clip: inner)
    }
}
