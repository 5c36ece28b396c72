/// Which cells a terminal must write to go from the canvas it showed to the next one: plain
/// Swift, so it is tested without a terminal (`CursesTerminal.present` writes what it names).
///
/// - With no previous canvas (the first frame, a resize, Ctrl-L) every visible cell is written.
/// - Otherwise only the changed cells, widened so a wide character and its continuation cell are
///   always written (or cleared) together.
/// - A continuation cell right after a wide character is never written itself: the wide
///   character covers it.
enum CanvasDiff {
    /// Calls `write` with each cell to write, row by row and left to right, within the first
    /// `visible` columns and rows of `canvas`.
    static func forEachCellToWrite(from old: Canvas?, to canvas: Canvas, visible: Size, _ write: (_ x: Int, _ y: Int) -> Void) {
        let rows = min(canvas.size.height, visible.height)
        let columns = min(canvas.size.width, visible.width)
        guard rows > 0, columns > 0 else { return }
        var marked = [Bool](repeating: old == nil, count: columns)
        for y in 0..<rows {
            if let old {
                for x in 0..<columns { marked[x] = false }
                for x in 0..<columns where canvas[x, y] != old[x, y] {
                    marked[x] = true
                    if x > 0, canvas[x, y].isContinuation || old[x, y].isContinuation { marked[x - 1] = true }
                    if x + 1 < columns, canvas[x + 1, y].isContinuation || old[x + 1, y].isContinuation { marked[x + 1] = true }
                }
            }
            for x in 0..<columns where marked[x] {
                if canvas[x, y].isContinuation, x > 0, DisplayWidth.of(canvas[x - 1, y].text) == 2 { continue }
                write(x, y)
            }
        }
    }

    /// The cells to write, as a list (for tests).
    static func cellsToWrite(from old: Canvas?, to canvas: Canvas, visible: Size) -> [Point] {
        var cells: [Point] = []
        forEachCellToWrite(from: old, to: canvas, visible: visible) { cells.append(Point(x: $0, y: $1)) }
        return cells
    }
}
