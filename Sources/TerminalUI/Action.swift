/// The name of something a user can do, such as help or save. Each is declared once as a
/// static constant (`ActionID.help`), as tig's `enum request` names every request, so screens
/// never spell an action as a bare string.
public struct ActionID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

extension ActionID {
    /// The application's own actions, in force on every screen.
    public static let help = ActionID("help")
    public static let back = ActionID("back")
    public static let quit = ActionID("quit")
    public static let redraw = ActionID("redraw")
}

/// Something a user can do: its keys, a short label for the function-key bar and a sentence for
/// the help screen. Key handling, help and the bar are all generated from these.
public struct Action: Hashable, Sendable {
    public var id: ActionID
    public var keys: [Key]
    /// A word or two for the function-key bar: "Help", "Save".
    public var label: String
    /// A sentence for the help screen.
    public var help: String
    /// Shown in the function-key bar (in table order).
    public var inBar: Bool
    /// True for the action that takes typed text (a focused text field, a filter being typed):
    /// every printable key no earlier action binds goes to it, and the screen's
    /// `handle(key:)` types it.
    public var takesText: Bool
    /// True for an action a widget carries out from the key itself (see `byKey`): the key, not
    /// the id, goes to the screen's `handle(key:)`, and the action never takes a key that
    /// another action binds.
    public var goesByKey: Bool

    public init(_ id: ActionID, keys: [Key], label: String, help: String, inBar: Bool = false) {
        self.id = id; self.keys = keys; self.label = label; self.help = help; self.inBar = inBar
        self.takesText = false
        self.goesByKey = false
    }

    /// An action a widget carries out from the key itself: each key means something of its own
    /// (a menu's digits pick that item), or the widget may give the key back to what holds it
    /// (↓ on a field's last option moves the form to the next field). It is listed in help like
    /// any other, but the key goes to the screen's `handle(key:)`, as typed text does, and
    /// where another action binds one of its keys, the other keeps it: so listing a widget's
    /// keys never changes what a key does.
    public static func byKey(_ id: ActionID, keys: [Key], label: String, help: String) -> Action {
        var action = Action(id, keys: keys, label: label, help: help)
        action.goesByKey = true
        return action
    }

    /// The action that takes typed text: `help` says where the text goes.
    public static func typing(_ id: ActionID, help: String) -> Action {
        var action = Action(id, keys: [], label: "Type", help: help)
        action.takesText = true
        return action
    }

    /// How the keys are written in help: "F7 a", or "letters" for typed text.
    public var keyNames: String { takesText ? "letters" : keys.map(\.name).joined(separator: " ") }
}

/// An ordered set of actions, each key bound at most once and each id listed at most once.
/// A table that breaks either rule is refused where it is made (`init` stops the program;
/// `init(checking:)` throws, for tests), so help, the key bar and the keys cannot disagree.
public struct ActionTable: Sendable {
    public private(set) var actions: [Action]

    /// A table of `actions`; a key bound twice or an id listed twice is a programming error.
    public init(_ actions: [Action] = []) {
        if let problem = Self.problem(in: actions) { preconditionFailure(problem.description) }
        self.actions = actions
    }

    /// A table of `actions`, or the clash that refuses it.
    public init(checking actions: [Action]) throws(ActionTableProblem) {
        if let problem = Self.problem(in: actions) { throw problem }
        self.actions = actions
    }

    /// The first clash in `actions`: a key bound twice, an id listed twice, or a printable key
    /// bound in a table that takes typed text.
    public static func problem(in actions: [Action]) -> ActionTableProblem? {
        var ids = Set<ActionID>(), keys = Set<Key>()
        let typing = actions.contains(where: \.takesText)
        for action in actions {
            if !ids.insert(action.id).inserted { return .duplicateID(action.id) }
            for key in action.keys {
                if !keys.insert(key).inserted || (typing && key.isPrintable) { return .duplicateKey(key, action.id) }
            }
        }
        let typists = actions.filter(\.takesText)
        return typists.count > 1 ? .twoTakeText(typists[1].id) : nil
    }

    /// The action bound to a key, if any: printable keys no action binds go to the action that
    /// takes typed text.
    public func action(for key: Key) -> Action? {
        actions.first { $0.keys.contains(key) } ?? (key.isPrintable ? actions.first(where: \.takesText) : nil)
    }

    public func contains(_ id: ActionID) -> Bool { actions.contains { $0.id == id } }

    /// This table followed by another, merged by key: where both bind a key, this one wins and
    /// the other's action keeps its remaining keys (an action left with none is dropped). While
    /// this table takes typed text, every printable key is this table's.
    public func merged(with other: ActionTable) -> ActionTable {
        let (mine, theirs) = Self.yieldingByKey(actions, other.actions)
        return ActionTable(mine + Self.remainder(of: theirs, after: mine))
    }

    /// This table's actions, then another's, where the other wins every key both bind: a
    /// screen's own actions yielding to its focused widget's (a filter being typed takes the
    /// letters), yet listed first in help and the key bar.
    public func yielding(to other: ActionTable) -> ActionTable {
        let (mine, theirs) = Self.yieldingByKey(actions, other.actions)
        return ActionTable(Self.remainder(of: mine, after: theirs) + theirs)
    }

    /// Both lists with their `byKey` actions cut to the keys no other action binds (nor typing
    /// takes); one left with no key goes. Which of two `byKey` actions keeps a key is then
    /// decided as for any two actions.
    private static func yieldingByKey(_ first: [Action], _ second: [Action]) -> ([Action], [Action]) {
        let others = (first + second).filter { !$0.goesByKey }
        let taken = Set(others.flatMap(\.keys))
        let typing = others.contains(where: \.takesText)
        func cut(_ actions: [Action]) -> [Action] {
            actions.compactMap { action in
                guard action.goesByKey else { return action }
                var action = action
                action.keys.removeAll { taken.contains($0) || (typing && $0.isPrintable) }
                return action.keys.isEmpty ? nil : action
            }
        }
        return (cut(first), cut(second))
    }

    /// `actions` without the keys `winners` bind (and without printable keys, or a second
    /// typing action, when `winners` take typed text); an action left with no key goes.
    private static func remainder(of actions: [Action], after winners: [Action]) -> [Action] {
        let taken = Set(winners.flatMap(\.keys))
        let typing = winners.contains(where: \.takesText)
        return actions.compactMap { action in
            var action = action
            if action.takesText && typing { return nil }
            action.keys.removeAll { taken.contains($0) || (typing && $0.isPrintable) }
            return action.keys.isEmpty && !action.takesText ? nil : action
        }
    }

    /// The actions with only those of their keys that are among `keys` (an action left with
    /// none goes): the part of a widget's table that a screen passes its keys to.
    public func only(_ keys: Set<Key>) -> ActionTable {
        ActionTable(actions.compactMap { action in
            var action = action
            action.keys.removeAll { !keys.contains($0) }
            return action.keys.isEmpty && !action.takesText ? nil : action
        })
    }

    /// The items of the function-key bar: each action marked `inBar`, with its first key the
    /// terminal has (a function key missing from `functionKeys` gives way to the next key).
    public func barItems(functionKeys: Set<Int> = Set(1...12)) -> [(key: String, label: String)] {
        actions.filter(\.inBar).map { action in
            let key = action.keys.first { $0.isAvailable(functionKeys: functionKeys) } ?? action.keys.first
            return (key: key?.barName ?? "", label: action.label)
        }
    }

    /// The actions that can only be reached by a function key the terminal lacks.
    public func unreachable(functionKeys: Set<Int>) -> [Action] {
        actions.filter { action in !action.takesText && !action.keys.contains { $0.isAvailable(functionKeys: functionKeys) } }
    }

    /// One line per action for the help screen: its keys, then what it does. The actions that
    /// go by key (a widget's moving and editing keys) come last, after the application's.
    public var helpLines: [(keys: String, help: String)] {
        (actions.filter { !$0.goesByKey } + actions.filter(\.goesByKey)).map { action in (keys: action.keyNames, help: action.help) }
    }
}

/// Why an action table was refused.
public enum ActionTableProblem: Error, Equatable, CustomStringConvertible {
    /// Two actions bind one key (the second is named).
    case duplicateKey(Key, ActionID)
    /// One id is listed twice.
    case duplicateID(ActionID)
    /// A second action takes typed text (it is named).
    case twoTakeText(ActionID)

    public var description: String {
        switch self {
        case .duplicateKey(let key, let id): return "the key \(key.name) of '\(id)' is bound twice"
        case .duplicateID(let id): return "the action '\(id)' is listed twice"
        case .twoTakeText(let id): return "'\(id)' is a second action taking typed text"
        }
    }
}

extension Key {
    /// The key's name in the function-key bar, where room is short: "^N" for Ctrl-N.
    var barName: String {
        if case .control(let letter) = self { return "^" + String(letter).uppercased() }
        return name
    }

    /// False only for a function key the terminal does not have.
    func isAvailable(functionKeys: Set<Int>) -> Bool {
        if case .function(let number) = self { return functionKeys.contains(number) }
        return true
    }
}
