extension ActionID {
    /// The actions of a list or table (`FilteredRows`): moving and the `/` filter.
    public static let filter = ActionID("filter")
    public static let filterText = ActionID("filter-text")
    public static let filterKeep = ActionID("filter-keep")
    public static let filterErase = ActionID("filter-erase")
    public static let filterRestart = ActionID("filter-restart")
    public static let filterCancel = ActionID("filter-cancel")
    public static let nextMatch = ActionID("next-match")
    public static let previousMatch = ActionID("previous-match")
    public static let moveUp = ActionID("move-up")
    public static let moveDown = ActionID("move-down")
    public static let pageUp = ActionID("page-up")
    public static let pageDown = ActionID("page-down")
    public static let moveFirst = ActionID("move-first")
    public static let moveLast = ActionID("move-last")
}

/// The actions `ListView` and `TableView` publish, in two modes: browsing, and typing a filter.
enum RowActions {
    static let filter = Action(.filter, keys: [.character("/")], label: "Find",
                               help: "Type to narrow the list; Enter keeps the filter, Esc clears it; n and N move between matches")
    static let nextMatch = Action(.nextMatch, keys: [.character("n")], label: "Next", help: "Go to the next match of the filter")
    static let previousMatch = Action(.previousMatch, keys: [.character("N")], label: "Previous", help: "Go to the previous match of the filter")
    static let cancel = Action(.filterCancel, keys: [.escape], label: "Clear", help: "Clear the filter")

    static let typing: [Action] = [
        .typing(.filterText, help: "Type the filter: the list narrows as you type"),
        Action(.filterKeep, keys: [.enter], label: "Keep", help: "Keep the filter (a single match opens)"),
        Action(.filterErase, keys: [.backspace], label: "Erase", help: "Erase the filter's last character (on an empty filter, stop)"),
        Action(.filterRestart, keys: [.control("u")], label: "Restart", help: "Erase the whole filter"),
        cancel,
    ]

    /// Moving the selection; while a filter is typed, letters are text, so only the arrows move.
    static func moves(typing: Bool) -> [Action] {
        let moves = [
            Action(.moveUp, keys: typing ? [.up] : [.up, .character("k")], label: "Up", help: "Move up a row"),
            Action(.moveDown, keys: typing ? [.down] : [.down, .character("j")], label: "Down", help: "Move down a row"),
            Action(.pageUp, keys: [.pageUp], label: "PgUp", help: "Move up a page"),
            Action(.pageDown, keys: [.pageDown], label: "PgDn", help: "Move down a page"),
        ]
        return typing ? moves : moves + [
            Action(.moveFirst, keys: [.home], label: "First", help: "Go to the first row"),
            Action(.moveLast, keys: [.end], label: "Last", help: "Go to the last row"),
        ]
    }
}
