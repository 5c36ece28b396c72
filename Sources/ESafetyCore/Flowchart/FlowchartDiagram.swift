/// A flowchart as a picture (Graphviz DOT) and as an outline tree of text.
public enum FlowchartDiagram {
    /// Graphviz DOT: questions are diamonds, action steps boxes, outcomes rounded; each edge is
    /// labelled with its option. Render with `dot -Tpng`.
    public static func dot(_ chart: Flowchart) -> String {
        func quote(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        func wrapped(_ text: String, width: Int) -> String {
            var lines: [String] = []
            var line = ""
            for word in text.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width { lines.append(line); line = "" }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(line) }
            return lines.joined(separator: "\n")
        }
        var out = ["digraph \(quote(chart.id)) {",
                   "  label=\(quote(chart.title)); labelloc=t; fontname=\"Helvetica\";",
                   "  node [fontname=\"Helvetica\", fontsize=10]; edge [fontname=\"Helvetica\", fontsize=9];"]
        for step in chart.steps {
            let shape: String
            var label = step.title
            switch step.kind {
            case .question: shape = "shape=diamond, style=filled, fillcolor=\"#fff3c4\""
            case .action:
                shape = "shape=box, style=filled, fillcolor=\"#dbeafe\""
                label += "\n" + step.actions.map { "• " + wrapped($0.text, width: 40).replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n")
            case .outcome: shape = "shape=box, style=\"rounded,filled\", fillcolor=\"#dcfce7\""
            }
            let text = step.kind == .action ? wrapped(step.title, width: 40) + label.dropFirst(step.title.count) : wrapped(label, width: 28)
            out.append("  \(quote(step.id)) [\(shape), label=\(quote(String(text)))];")
        }
        for step in chart.steps {
            switch step.kind {
            case .question:
                for option in step.options {
                    let style = option.reasonRequired ? ", style=dashed" : ""
                    out.append("  \(quote(step.id)) -> \(quote(option.next)) [label=\(quote(wrapped(option.label, width: 24) + (option.reasonRequired ? "\n(reason required)" : "")))\(style)];")
                }
            case .action:
                if let next = step.next { out.append("  \(quote(step.id)) -> \(quote(next));") }
            case .outcome:
                break
            }
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// The whole chart as an indented tree from the start: each question's options beneath it,
    /// action steps with their checklist. A step already shown is referred to, not repeated.
    public static func outline(_ chart: Flowchart) -> [String] {
        var lines: [String] = []
        var shown: Set<String> = []
        func show(_ id: String, depth: Int, prefix: String) {
            let indent = String(repeating: "  ", count: depth)
            guard let step = chart.step(id) else { lines.append(indent + prefix + "(missing step \(id))"); return }
            let marker: String
            switch step.kind {
            case .question: marker = "?"
            case .action: marker = "▸"
            case .outcome: marker = "■"
            }
            if shown.contains(id) {
                lines.append(indent + prefix + "→ \(step.shortLabel) (see above)")
                return
            }
            shown.insert(id)
            lines.append(indent + prefix + "\(marker) \(step.title)")
            switch step.kind {
            case .question:
                for option in step.options {
                    lines.append(indent + "  • \(option.label)" + (option.reasonRequired ? "  [reason required]" : ""))
                    show(option.next, depth: depth + 2, prefix: "")
                }
            case .action:
                for action in step.actions { lines.append(indent + "  - \(action.text)") }
                if let next = step.next { show(next, depth: depth, prefix: "") }
            case .outcome:
                if !step.text.isEmpty { lines.append(indent + "  " + step.text) }
            }
        }
        show(chart.start, depth: 0, prefix: "")
        return lines
    }
}
