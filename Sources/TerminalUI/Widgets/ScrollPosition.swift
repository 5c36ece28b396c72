/// Where a scrolling widget's view starts so that one row stays in sight.
enum ScrollPosition {
    /// The first row to show, moved as little as possible from `top` so that `row` is among the
    /// `visible` rows shown, and never past the end of `total` rows.
    static func keep(_ row: Int, visible: Int, total: Int, from top: Int) -> Int {
        var top = top
        if row < top { top = row }
        if row >= top + visible { top = row - visible + 1 }
        return max(0, min(top, total - visible))
    }
}
