/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)   // Ctrl plus a letter, lower case: `.control("l")`
    case alt(Character)       // Alt (Meta) plus a letter, lower case, sent as Esc then the letter: `.alt("b")`
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)

    /// True for a key that types text into a field.
    public var isPrintable: Bool {
        if case .character = self { return true }
        return false
    }

    /// How the key is written in help and the key bar: "F1", "Enter", "Ctrl-L", "?".
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        }
    }
}

/// What the terminal reports: a key, a change of size, or nothing before the timeout.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
    case timeout
    /// Text pasted in one go (bracketed paste): inserted as one edit, not key by key. Newlines
    /// are "\n" whatever the terminal sent.
    case paste(String)
    /// The input has closed (the terminal went away): the application should save and quit.
    case endOfInput
}
