extension ActionID {
    /// A `MenuView`'s keys.
    public static let menuUp = ActionID("menu-up")
    public static let menuDown = ActionID("menu-down")
    public static let menuFirst = ActionID("menu-first")
    public static let menuLast = ActionID("menu-last")
    public static let menuPick = ActionID("menu-pick")
    /// A `TextView`'s scrolling.
    public static let scrollUp = ActionID("scroll-up")
    public static let scrollDown = ActionID("scroll-down")
    public static let scrollPageUp = ActionID("scroll-page-up")
    public static let scrollPageDown = ActionID("scroll-page-down")
    public static let scrollStart = ActionID("scroll-start")
    public static let scrollEnd = ActionID("scroll-end")
    /// The editing keys of `TextField` and `TextArea` (beside the readline keys of `LineEditing`).
    public static let cursorMove = ActionID("cursor-move")
    public static let cursorPage = ActionID("cursor-page")
    public static let newLine = ActionID("new-line")
    public static let eraseBack = ActionID("erase-back")
    public static let eraseForward = ActionID("erase-forward")
    /// A `ChoiceField`'s keys.
    public static let choiceNext = ActionID("choice-next")
    public static let choicePrevious = ActionID("choice-previous")
    public static let choiceNumber = ActionID("choice-number")
    public static let choiceClear = ActionID("choice-clear")
    /// A `CheckListField`'s keys.
    public static let checkUp = ActionID("check-up")
    public static let checkDown = ActionID("check-down")
    public static let checkFirst = ActionID("check-first")
    public static let checkLast = ActionID("check-last")
    public static let checkToggle = ActionID("check-toggle")
    public static let checkNumber = ActionID("check-number")
}

/// The keys that menus, text and choice fields publish, so help lists them. They go by key
/// (`Action.byKey`): the widget's `handle(key:)` carries them out as before, because a digit is
/// its own item and an arrow at a field's end goes back to the form.
enum WidgetKeyActions {
    /// The digit keys 1 to `count` (at most 9).
    static func digits(upTo count: Int) -> [Key] {
        (0..<min(9, max(0, count))).map { Key.character(Character(String($0 + 1))) }
    }

    static func menu(items: Int) -> [Action] {
        var actions = [
            Action.byKey(.menuUp, keys: [.up, .character("k")], label: "Up", help: "Move up the menu"),
            Action.byKey(.menuDown, keys: [.down, .character("j")], label: "Down", help: "Move down the menu"),
            Action.byKey(.menuFirst, keys: [.home], label: "First", help: "Go to the first item"),
            Action.byKey(.menuLast, keys: [.end], label: "Last", help: "Go to the last item"),
        ]
        let digits = digits(upTo: items)
        if !digits.isEmpty { actions.append(.byKey(.menuPick, keys: digits, label: "Pick", help: "Open the item with that number")) }
        return actions
    }

    static let scrolling = [
        Action.byKey(.scrollUp, keys: [.up, .character("k")], label: "Up", help: "Scroll up a line"),
        Action.byKey(.scrollDown, keys: [.down, .character("j")], label: "Down", help: "Scroll down a line"),
        Action.byKey(.scrollPageUp, keys: [.pageUp], label: "PgUp", help: "Scroll up a page"),
        Action.byKey(.scrollPageDown, keys: [.pageDown, .character(" ")], label: "PgDn", help: "Scroll down a page"),
        Action.byKey(.scrollStart, keys: [.home], label: "Top", help: "Go to the start of the text"),
        Action.byKey(.scrollEnd, keys: [.end], label: "End", help: "Go to the end of the text"),
    ]

    static let lineEditing = [
        Action.byKey(.cursorMove, keys: [.left, .right], label: "Move", help: "Move the cursor a character"),
        Action.byKey(.eraseBack, keys: [.backspace], label: "Erase", help: "Delete the character before the cursor"),
        Action.byKey(.eraseForward, keys: [.delete, .control("d")], label: "Delete", help: "Delete the character under the cursor"),
    ]

    static let areaEditing = [
        Action.byKey(.cursorMove, keys: [.left, .right, .up, .down], label: "Move",
                     help: "Move the cursor (↑ on the first row and ↓ on the last leave the box)"),
        Action.byKey(.cursorPage, keys: [.pageUp, .pageDown], label: "Page", help: "Move the cursor a page up or down"),
        Action.byKey(.newLine, keys: [.enter], label: "Line", help: "Start a new line"),
        Action.byKey(.eraseBack, keys: [.backspace], label: "Erase",
                     help: "Delete the character before the cursor (at a line's start, join it to the line before)"),
        Action.byKey(.eraseForward, keys: [.delete, .control("d")], label: "Delete",
                     help: "Delete the character under the cursor (at a line's end, join the next line)"),
    ]

    static func choice(options: Int) -> [Action] {
        var actions = [
            Action.byKey(.choiceNext, keys: [.right, .character(" "), .down], label: "Next",
                         help: "Choose the next option (→ and Space wrap round; ↓ on the last goes to the next field)"),
            Action.byKey(.choicePrevious, keys: [.left, .up], label: "Previous",
                         help: "Choose the previous option (← wraps round; ↑ on the first goes to the previous field)"),
        ]
        let digits = digits(upTo: options)
        if !digits.isEmpty { actions.append(.byKey(.choiceNumber, keys: digits, label: "Number", help: "Choose the option with that number")) }
        actions.append(.byKey(.choiceClear, keys: [.delete, .backspace], label: "Clear", help: "Clear the choice"))
        return actions
    }

    static func checkList(options: Int) -> [Action] {
        var actions = [
            Action.byKey(.checkUp, keys: [.up], label: "Up", help: "Go to the option above (from the first, the previous field)"),
            Action.byKey(.checkDown, keys: [.down], label: "Down", help: "Go to the option below (from the last, the next field)"),
            Action.byKey(.checkFirst, keys: [.home], label: "First", help: "Go to the first option"),
            Action.byKey(.checkLast, keys: [.end], label: "Last", help: "Go to the last option"),
            Action.byKey(.checkToggle, keys: [.character(" ")], label: "Tick", help: "Tick or untick the option"),
        ]
        let digits = digits(upTo: options)
        if !digits.isEmpty { actions.append(.byKey(.checkNumber, keys: digits, label: "Number", help: "Tick or untick the option with that number")) }
        return actions
    }
}
