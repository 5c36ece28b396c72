/// A one-column scroll bar drawn at the right edge of a scrolling widget: a dim track with a
/// solid thumb whose size and place show which part of the content is in view.
enum ScrollIndicator {
    /// Draws the bar in `column` (one column wide) for `total` rows of which `shown` rows from
    /// `offset` are visible. Draws nothing when everything fits.
    static func draw(into canvas: inout Canvas, column: Rect, total: Int, shown: Int, offset: Int) {
        let height = column.height
        guard height > 0, total > shown, shown > 0 else { return }
        let thumb = max(1, min(height, height * shown / total))
        let maxOffset = max(1, total - shown)
        let start = min(height - thumb, (height - thumb) * min(offset, maxOffset) / maxOffset)
        for row in 0..<height {
            let isThumb = row >= start && row < start + thumb
            canvas.write(isThumb ? "█" : "│", at: Point(x: column.x, y: column.y + row), style: .dim, clip: column)
        }
    }
}
