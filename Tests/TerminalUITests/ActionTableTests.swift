import XCTest

@testable import TerminalUI

/// Action tables refuse clashes where they are made, and merge by key.
final class ActionTableTests: XCTestCase {
    func testATableWithAKeyOrAnIdTwiceIsRefused() {
        let one = Action(ActionID("one"), keys: [.function(2)], label: "One", help: "")
        XCTAssertThrowsError(try ActionTable(checking: [one, Action(ActionID("two"), keys: [.function(2)], label: "Two", help: "")]))
        XCTAssertThrowsError(try ActionTable(checking: [one, Action(ActionID("one"), keys: [.function(3)], label: "One", help: "")]))
        XCTAssertThrowsError(try ActionTable(checking: [.typing(ActionID("type"), help: ""), Action(ActionID("a"), keys: [.character("a")], label: "A", help: "")]),
                             "a letter cannot be bound where typed text is taken")
        XCTAssertNoThrow(try ActionTable(checking: [one, Action(ActionID("two"), keys: [.function(3)], label: "Two", help: "")]))
    }

    @MainActor func testTablesMergeByKeySoAScreensOwnBackKeepsEsc() {
        let screen = ActionTable([Action(ActionID("step-back"), keys: [.backspace], label: "Back", help: "")])
        let merged = screen.merged(with: Application.globalActions)
        XCTAssertEqual(merged.action(for: .escape)?.id, .back, "Esc stays in help and the key bar")
        let typing = ActionTable([.typing(ActionID("type"), help: "")]).merged(with: Application.globalActions)
        XCTAssertEqual(typing.action(for: .character("?"))?.id, ActionID("type"), "? is typed into a field")
        XCTAssertEqual(typing.action(for: .function(1))?.id, .help)
        let yielding = ActionTable([Action(ActionID("open"), keys: [.enter], label: "Open", help: ""),
                                    Action(ActionID("add"), keys: [.character("a")], label: "Add", help: "")])
            .yielding(to: ActionTable([.typing(ActionID("filter-text"), help: ""), Action(ActionID("keep"), keys: [.enter], label: "Keep", help: "")]))
        XCTAssertEqual(yielding.actions.map(\.id.rawValue), ["filter-text", "keep"], "a filter being typed takes Enter and the letters")
    }

    func testCtrlLIsTheRedrawAction() {
        MainActor.assumeIsolated {
            XCTAssertEqual(Application.globalActions.action(for: .control("l"))?.id, .redraw)
        }
    }
}
