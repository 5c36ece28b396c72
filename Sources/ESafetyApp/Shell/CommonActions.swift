import TerminalUI

/// Actions that several screens share, defined once so their keys and words agree everywhere.
enum CommonActions {
    static let open = Action(.open, keys: [.enter], label: "Open", help: "Open the selected item")
    static let add = Action(.add, keys: [.function(7), .character("a")], label: "Add", help: "Add a new one", inBar: true)
    static let edit = Action(.edit, keys: [.function(4), .character("e")], label: "Edit", help: "Edit the selected item", inBar: true)
    static let remove = Action(.remove, keys: [.function(8), .delete, .character("d")], label: "Remove", help: "Remove the selected item (asks first)", inBar: true)
    static let save = Action(.save, keys: [.function(2), .control("s")], label: "Save", help: "Save and close", inBar: true)
}
