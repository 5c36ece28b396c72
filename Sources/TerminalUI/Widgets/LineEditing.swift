/// The readline keys every text field shares, on one line of graphemes: what Ctrl-A, Ctrl-E,
/// Ctrl-U, Ctrl-K, Ctrl-W, Alt-B and Alt-F do, as Bash and Emacs do them. A word is a run of
/// letters and digits; the keys skip whatever lies between words.
public enum LineEditing {
    /// What a readline key does to a line: move the cursor, or delete a range and leave the
    /// cursor at its start.
    public enum Edit: Equatable, Sendable {
        case move(to: Int)
        case delete(Range<Int>)
    }

    /// The edit a key makes on `line` with the cursor at `cursor`, or nil when the key is not
    /// one of the readline keys (the caller handles it).
    /// The line is read only for a readline key, so typing into a long line stays cheap.
    public static func edit(for key: Key, line: @autoclosure () -> [Character], cursor: Int) -> Edit? {
        switch key {
        case .home, .end, .control("a"), .control("e"), .alt("b"), .alt("f"), .control("u"), .control("k"), .control("w"): break
        default: return nil
        }
        let line = line()
        switch key {
        case .home, .control("a"): return .move(to: 0)
        case .end, .control("e"): return .move(to: line.count)
        case .alt("b"): return .move(to: previousWordStart(in: line, from: cursor))
        case .alt("f"): return .move(to: nextWordEnd(in: line, from: cursor))
        case .control("u"): return .delete(0..<cursor)
        case .control("k"): return .delete(cursor..<line.count)
        case .control("w"): return .delete(previousWordStart(in: line, from: cursor)..<cursor)
        default: return nil
        }
    }

    /// The keys and what they do, for help screens.
    public static let helpLines: [(keys: String, help: String)] = [
        ("Ctrl-A Home", "Go to the start of the line"),
        ("Ctrl-E End", "Go to the end of the line"),
        ("Alt-B", "Go back a word"),
        ("Alt-F", "Go forward a word"),
        ("Ctrl-U", "Delete to the start of the line"),
        ("Ctrl-K", "Delete to the end of the line"),
        ("Ctrl-W", "Delete the word before the cursor"),
    ]

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// The start of the word before the cursor (skipping any gap first).
    public static func previousWordStart(in line: [Character], from cursor: Int) -> Int {
        var index = max(0, min(cursor, line.count))
        while index > 0, !isWordCharacter(line[index - 1]) { index -= 1 }
        while index > 0, isWordCharacter(line[index - 1]) { index -= 1 }
        return index
    }

    /// The end of the word after the cursor (skipping any gap first).
    public static func nextWordEnd(in line: [Character], from cursor: Int) -> Int {
        var index = max(0, min(cursor, line.count))
        while index < line.count, !isWordCharacter(line[index]) { index += 1 }
        while index < line.count, isWordCharacter(line[index]) { index += 1 }
        return index
    }
}
