import XCTest

@testable import TerminalUI

/// Widgets publish their moving, choosing and editing keys as actions that go by key: help
/// lists them, yet they never take a key another action binds, so what a key does is unchanged.
final class WidgetKeyActionsTests: XCTestCase {
    private let open = Action(ActionID("open"), keys: [.enter, .character("k")], label: "Open", help: "")

    func testAnActionThatGoesByKeyNeverTakesAnotherActionsKey() {
        let menu = ActionTable(WidgetKeyActions.menu(items: 3))
        for merged in [ActionTable([open]).merged(with: menu), menu.merged(with: ActionTable([open])),
                       ActionTable([open]).yielding(to: menu), menu.yielding(to: ActionTable([open]))] {
            XCTAssertEqual(merged.action(for: .character("k"))?.id, ActionID("open"), "the screen's own action keeps k, whatever the order")
            XCTAssertEqual(merged.action(for: .up)?.id, .menuUp)
            XCTAssertEqual(merged.action(for: .character("3"))?.id, .menuPick)
            XCTAssertNil(merged.action(for: .character("4")), "a menu of three lists the digits 1 to 3")
        }
        let typing = ActionTable([.typing(.typeText, help: "")]).merged(with: ActionTable(WidgetKeyActions.scrolling))
        XCTAssertEqual(typing.action(for: .character(" "))?.id, .typeText, "typed text keeps Space from the scrolling")
        XCTAssertEqual(typing.action(for: .pageDown)?.id, .scrollPageDown)
        XCTAssertEqual(ActionTable(WidgetKeyActions.scrolling).only([.pageUp, .pageDown]).actions.map(\.keys), [[.pageUp], [.pageDown]])
    }

    func testHelpListsTheKeysThatGoByKeyAfterTheOthers() {
        let table = ActionTable(WidgetKeyActions.menu(items: 2)).merged(with: ActionTable([open]))
        XCTAssertEqual(table.helpLines.map(\.keys), ["Enter k", "↑", "↓ j", "Home", "End", "1 2"])
        XCTAssertTrue(table.actions.filter(\.inBar).isEmpty, "the key bar is unchanged")
    }

    @MainActor func testEachWidgetPublishesItsKeys() {
        XCTAssertTrue(MenuView(items: [MenuItem(title: "One", detail: "")]).actions.contains(.menuPick))
        XCTAssertTrue(TextView(text: "x").actions.contains(.scrollPageDown))
        XCTAssertTrue(TextArea().actions.contains(.newLine))
        XCTAssertTrue(TextField().actions.contains(.eraseBack))
        let choice = ChoiceField(options: [(label: "No", value: false), (label: "Yes", value: true)])
        let checks = CheckListField(options: [(label: "A", value: 1), (label: "B", value: 2)])
        let form = Form(fields: [Form.Field(label: "Choice", widget: choice), Form.Field(label: "Ticks", widget: checks)])
        XCTAssertEqual(form.actions.action(for: .character("2"))?.id, .choiceNumber)
        XCTAssertEqual(form.actions.action(for: .tab)?.id, .nextField)
        XCTAssertEqual(form.handle(key: .character("2")), .changed, "the key still goes to the field")
        XCTAssertEqual(choice.selection, true)
        XCTAssertEqual(form.handle(key: .down), .handled, "↓ on the last option goes to the next field")
        XCTAssertEqual(form.actions.action(for: .character(" "))?.id, .checkToggle)
    }
}
