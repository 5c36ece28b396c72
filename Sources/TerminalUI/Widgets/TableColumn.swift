/// One column of a `TableView`: its heading, how wide it is and how its cells line up.
public struct TableColumn: Hashable, Sendable {
    /// How a column's width is chosen.
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// At least `min` columns, sharing the room left by the fixed columns with the other
        /// flexible ones.
        case flexible(min: Int)
    }

    /// Where text sits in its cell.
    public enum Alignment: Hashable, Sendable {
        case left, right
    }

    public var title: String
    public var width: Width
    public var alignment: Alignment

    public init(title: String, width: Width, alignment: Alignment = .left) {
        self.title = title; self.width = width; self.alignment = alignment
    }

    /// The widths of `columns` in `available` display columns, with `spacing` between them.
    /// When there is not room for every minimum, flexible columns keep their minimum and the
    /// last columns are cut at the edge. With `natural` (each column's widest text), the room
    /// beyond the minimums makes whole first the columns that need least to be whole (a name
    /// column before a long list of roles), so as many columns as can be are never cut and the
    /// one that cannot fit takes what is left; room beyond every natural width is shared.
    public static func layout(_ columns: [TableColumn], available: Int, spacing: Int, natural: [Int]? = nil) -> [Int] {
        let room = available - spacing * max(0, columns.count - 1)
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let min): return max(0, min)
            }
        }
        let flexible = columns.indices.filter { if case .flexible = columns[$0].width { return true } else { return false } }
        var extra = room - widths.reduce(0, +)
        guard extra > 0, !flexible.isEmpty else { return widths }
        if let natural, natural.count == columns.count {
            for index in flexible.sorted(by: { natural[$0] - widths[$0] < natural[$1] - widths[$1] }) where extra > 0 {
                let given = min(max(0, natural[index] - widths[index]), extra)
                widths[index] += given
                extra -= given
            }
            guard extra > 0 else { return widths }
        }
        let share = extra / flexible.count
        for index in flexible { widths[index] += share }
        extra -= share * flexible.count
        for index in flexible where extra > 0 { widths[index] += 1; extra -= 1 }
        return widths
    }

    /// A cell's text cut (with "…") or padded to `width`, aligned as this column says.
    public func format(_ text: String, width: Int) -> String {
        let cut = DisplayWidth.truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignment == .left ? cut + padding : padding + cut
    }
}
