/// Lays report blocks out as plain text no wider than 80 columns, like the paper form:
/// underlined headings, `[x]` tick boxes, and a hanging indent where a line wraps.
enum ReportTextLayout {
    static let width = 80

    static func render(_ blocks: [ReportBlock], width: Int = width) -> String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let text):
                let lines = ReportColumns.wrap(text, width: width, first: "", rest: "")
                out += lines
                out.append(String(repeating: "=", count: lines.map(ReportColumns.width).max() ?? 0))
            case .heading(let text), .subheading(let text):
                let underline: Character = { if case .heading = block { return "-" } else { return "~" } }()
                out.append("")
                let lines = ReportColumns.wrap(text, width: width, first: "", rest: "")
                out += lines
                out.append(String(repeating: underline, count: lines.map(ReportColumns.width).max() ?? 0))
            case .field(let label, let value):
                out += wrapKeepingBreaks("\(label): " + (value.isEmpty ? "—" : value), first: "", rest: "    ", width: width)
            case .caption(let text):
                out += wrapKeepingBreaks(text, first: "", rest: "", width: width)
            case .box(let ticked, let label, let detail):
                out += wrapKeepingBreaks(label + (detail.isEmpty ? "" : "  (\(detail))"), first: ticked ? "  [x] " : "  [ ] ", rest: "      ", width: width)
            case .paragraph(let text):
                out += wrapKeepingBreaks(text.isEmpty ? "—" : text, first: "", rest: "", width: width)
            case .item(let text, let level):
                let indent = String(repeating: "    ", count: level)
                out += wrapKeepingBreaks(text, first: indent + "  - ", rest: indent + "    ", width: width)
            case .withdrawn(let text, let why):
                out += wrapKeepingBreaks("WITHDRAWN: \(text) (\(why))", first: "  - ", rest: "    ", width: width)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Wraps each line of the text on its own (typed line breaks are kept); later lines of the
    /// same block take the hanging indent.
    private static func wrapKeepingBreaks(_ text: String, first: String, rest: String, width: Int) -> [String] {
        var out: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            out += ReportColumns.wrap(String(line), width: width, first: index == 0 ? first : rest, rest: rest)
        }
        return out
    }
}
