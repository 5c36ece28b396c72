/// A box over the screen for long work: what is happening, a bar, and how far it has got.
public struct ProgressOverlay {
    public var title: String
    public var done: Int
    public var total: Int

    public init(title: String, done: Int, total: Int) {
        self.title = title; self.done = done; self.total = total
    }

    /// Whole percent done, 0 to 100.
    public var percent: Int { total > 0 ? min(100, done * 100 / total) : 0 }

    public func draw(into canvas: inout Canvas, rect: Rect) {
        let box = rect.centered(width: min(rect.width - 4, 60), height: 5)
        guard box.width > 12 else { return }
        canvas.fill(box, style: .dialog)
        canvas.box(box, title: title, style: .dialog)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        let label = " \(done) of \(total) (\(percent)%)"
        let barWidth = max(1, inner.width - DisplayWidth.of(label))
        let filled = total > 0 ? min(barWidth, done * barWidth / total) : 0
        canvas.write(String(repeating: "█", count: filled), at: Point(x: inner.x, y: inner.y + 1), style: .selected, clip: inner)
        canvas.write(String(repeating: "░", count: barWidth - filled), at: Point(x: inner.x + filled, y: inner.y + 1), style: .dialog, clip: inner)
        canvas.write(label, at: Point(x: inner.x + barWidth, y: inner.y + 1), style: .dialog, clip: inner)
        canvas.cursor = nil
    }
}
