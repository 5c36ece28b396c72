/// A horizontal bar chart in lines of text, for a `TextView` or a command's output:
///
/// ```
/// Bullying or harassment    12 │████████████████████
/// Online gambling            3 │█████
/// Sharing of indecent        0 │
///   images
/// ```
///
/// Labels in one column (wrapped at word boundaries, never cut), counts right-aligned in the
/// next, then every bar from one baseline on one scale: the largest count fills the room.
public struct BarChart: Sendable, Equatable {
    /// One bar: what it counts and how many.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        public init(_ label: String, _ value: Int) { self.label = label; self.value = value }
    }

    public var bars: [Bar]
    /// The widest the label column gets; longer labels wrap onto further lines.
    public var maxLabelWidth: Int
    /// The fewest columns left for the bars when labels are wide.
    public var minBarWidth = 10

    public init(_ bars: [Bar], maxLabelWidth: Int = 44) {
        self.bars = bars
        self.maxLabelWidth = maxLabelWidth
    }

    /// The chart's lines, none wider than `width` columns.
    public func lines(width: Int) -> [String] {
        guard !bars.isEmpty else { return [] }
        let countWidth = bars.map { String($0.value).count }.max() ?? 1
        let longest = bars.map { DisplayWidth.of($0.label) }.max() ?? 0
        // label, space, count, space, baseline, bars
        let fixed = countWidth + 3
        let labelWidth = max(1, min(longest, maxLabelWidth, width - fixed - minBarWidth))
        let barWidth = max(1, width - labelWidth - fixed)
        let highest = max(1, bars.map(\.value).max() ?? 1)
        var lines: [String] = []
        for bar in bars {
            let labelLines = wrapLabel(bar.label, width: labelWidth)
            let length = bar.value <= 0 ? 0 : max(1, Int((Double(bar.value) * Double(barWidth) / Double(highest)).rounded()))
            let count = String(repeating: " ", count: countWidth - String(bar.value).count) + String(bar.value)
            for (index, label) in labelLines.enumerated() {
                let padded = DisplayWidth.pad(label, to: labelWidth)
                if index == 0 {
                    lines.append(padded + " " + count + " │" + String(repeating: "█", count: length))
                } else {
                    lines.append(padded + " " + String(repeating: " ", count: countWidth) + " │")
                }
            }
        }
        return lines
    }

    /// A label's lines: the first as wide as the column, the rest indented by two under it.
    private func wrapLabel(_ label: String, width: Int) -> [String] {
        guard let first = TextWrap.wrap(label, width: width).first, width > 4 else { return TextWrap.wrap(label, width: width) }
        let rest = label.split(separator: " ").dropFirst(first.split(separator: " ").count).joined(separator: " ")
        return [first] + (rest.isEmpty ? [] : TextWrap.wrap(rest, width: width - 2).map { "  " + $0 })
    }
}
