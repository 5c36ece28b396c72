import Foundation

/// Lays report blocks out as CommonMark: every list is separated from what follows by a blank
/// line (so a caption never becomes part of the list item above it), and everything typed is
/// escaped, so a `*` or a `#` in a description is shown as typed. Checked with `cmark` in the tests.
enum ReportMarkdownLayout {
    static func render(_ blocks: [ReportBlock]) -> String {
        var out: [String] = []
        var inList = false
        func startBlock(list: Bool) {
            if !out.isEmpty && (!list || !inList) { out.append("") }
            inList = list
        }
        for block in blocks {
            switch block {
            case .title(let text):
                startBlock(list: false); out.append("# " + inline(text))
            case .heading(let text):
                startBlock(list: false); out.append("## " + inline(text))
            case .subheading(let text):
                startBlock(list: false); out.append("### " + inline(text))
            case .field(let label, let value):
                startBlock(list: true)
                out.append("- **\(inline(label)):** " + (value.isEmpty ? "—" : lines(value, continuation: "  ")))
            case .caption(let text):
                startBlock(list: false); out.append(lines(text, continuation: ""))
            case .box(let ticked, let label, let detail):
                startBlock(list: true)
                out.append("- \\[\(ticked ? "x" : " ")\\] " + inline(label) + (detail.isEmpty ? "" : " (\(inline(detail)))"))
            case .paragraph(let text):
                startBlock(list: false)
                out.append(text.isEmpty ? "—" : lines(text, continuation: ""))
            case .item(let text, let level):
                startBlock(list: true)
                out.append(String(repeating: "  ", count: level) + "- " + lines(text, continuation: String(repeating: "  ", count: level + 1)))
            case .withdrawn(let text, let why):
                startBlock(list: true)
                out.append("- ~~\(inline(text))~~ (withdrawn: \(inline(why)))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Typed text over several lines: each line escaped, joined by hard line breaks.
    private static func lines(_ text: String, continuation: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { inline(String($0)) }
            .joined(separator: "\\\n" + continuation)
    }

    /// Escapes what CommonMark could read as markup (any ASCII punctuation may be escaped with
    /// a backslash), so text is shown exactly as typed: emphasis, links, code, HTML and entities
    /// anywhere; list markers, headings and rules at the start of a line.
    static func inline(_ text: String) -> String {
        var out = ""
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        for (offset, character) in trimmed.enumerated() {
            let startsLine = offset == 0 && "-+=".contains(character)
            let endsNumber = offset == digits.count && offset > 0 && ".)".contains(character)
            if startsLine || endsNumber || "\\`*_{}[]<>#|~&!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out.isEmpty ? "—" : out
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
