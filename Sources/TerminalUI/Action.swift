/// The name of something a user can do, such as "help" or "save".
public struct ActionID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
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

    public init(_ id: ActionID, keys: [Key], label: String, help: String, inBar: Bool = false) {
        self.id = id; self.keys = keys; self.label = label; self.help = help; self.inBar = inBar
    }
}

/// An ordered set of actions. The first action that lists a key wins that key.
public struct ActionTable: Sendable {
    public private(set) var actions: [Action]

    public init(_ actions: [Action] = []) { self.actions = actions }

    /// The action bound to a key, if any.
    public func action(for key: Key) -> Action? { actions.first { $0.keys.contains(key) } }

    public func contains(_ id: ActionID) -> Bool { actions.contains { $0.id == id } }

    /// This table followed by another; where both bind a key, this one wins.
    public func merged(with other: ActionTable) -> ActionTable {
        ActionTable(actions + other.actions.filter { action in !actions.contains { $0.id == action.id } })
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
        actions.filter { action in !action.keys.contains { $0.isAvailable(functionKeys: functionKeys) } }
    }

    /// One line per action for the help screen: its keys, then what it does.
    public var helpLines: [(keys: String, help: String)] {
        actions.map { action in (keys: action.keys.map(\.name).joined(separator: " "), help: action.help) }
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
