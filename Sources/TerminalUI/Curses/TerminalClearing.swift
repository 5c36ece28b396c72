/// The sequences for bracketed paste (xterm's mode 2004): the terminal then wraps a paste in
/// `ESC [ 200 ~` … `ESC [ 201 ~`, so it can be inserted as one edit. Terminals without it
/// ignore the private mode.
enum BracketedPaste {
    static let on = "\u{1B}[?2004h"
    static let off = "\u{1B}[?2004l"
}

/// How to wipe a terminal that has no alternate screen, from its terminfo strings. Pure.
enum TerminalClearing {
    /// `clear` (home and clear, `ESC [ H ESC [ J` when terminfo has none) with its padding
    /// (`$<50>`) removed, then `E3` (clear the scrollback) when terminfo has it.
    static func clearSequence(clear: String?, clearScrollback: String?) -> String {
        var result = withoutPadding(clear ?? "\u{1B}[H\u{1B}[J")
        if let clearScrollback { result += withoutPadding(clearScrollback) }
        return result
    }

    /// A terminfo string without its `$<…>` delays (`tputs` would turn them into waits).
    static func withoutPadding(_ capability: String) -> String {
        var result = ""
        var rest = Substring(capability)
        while let start = rest.range(of: "$<") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { rest = rest[start.lowerBound...]; break }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
