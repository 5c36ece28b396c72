/// The bottom line of function keys, in the style of htop and Midnight Commander: each key name
/// highlighted, then its label. Generated from an `ActionTable`, so it always matches the keys.
/// On a terminal without some function keys (a vt100 has only PF1-PF4), an action shows its
/// first other key instead ("^N Next" for F6 "Next").
public struct FunctionKeyBar {
    public var table: ActionTable
    /// The function keys the terminal has.
    public var functionKeys: Set<Int>
    public init(table: ActionTable, functionKeys: Set<Int> = Set(1...12)) {
        self.table = table
        self.functionKeys = functionKeys
    }

    public func draw(into canvas: inout Canvas, rect: Rect) {
        guard rect.height > 0 else { return }
        canvas.fill(rect.top(1), style: .keyLabel)
        var x = rect.x
        for item in table.barItems(functionKeys: functionKeys) {
            let needed = DisplayWidth.of(item.key) + DisplayWidth.of(item.label) + 1
            if x + needed > rect.maxX { break }
            x += canvas.write(item.key, at: Point(x: x, y: rect.y), style: .keyName, clip: rect)
            x += canvas.write(item.label, at: Point(x: x, y: rect.y), style: .keyLabel, clip: rect)
            x += canvas.write(" ", at: Point(x: x, y: rect.y), style: .keyLabel, clip: rect)
        }
    }
}
