import XCTest
import TerminalUI

@MainActor
final class MenuViewTests: XCTestCase {
    private func makeMenu() -> MenuView {
        MenuView(items: [
            MenuItem(title: "Record a concern"),
            MenuItem(title: "Incidents", detail: "review and manage"),
            MenuItem(title: "Reports", detail: "coming soon", enabled: false),
        ])
    }

    func testDrawsNumberedRowsWithDetailsInAColumn() async {
        let canvas = render(makeMenu(), width: 50, height: 4)
        XCTAssertEqual(canvas.text, """
            1  Record a concern
            2  Incidents           review and manage
            3  Reports             coming soon

            """)
    }

    func testSelectedRowIsHighlightedAndDisabledItemIsDimmed() async {
        let menu = makeMenu()
        let canvas = render(menu, width: 50, height: 3)
        XCTAssertEqual(canvas[0, 0].style, .selected)
        XCTAssertEqual(canvas[49, 0].style, .selected, "the highlight spans the row")
        XCTAssertEqual(canvas[3, 2].style, .dim, "a disabled title is dimmed")
        XCTAssertEqual(canvas[3, 1].style, .normal)
        XCTAssertEqual(render(menu, width: 50, height: 3, focused: false)[0, 0].style, .selectedInactive)
    }

    func testArrowsAndVimKeysMoveWithinBounds() async {
        let menu = makeMenu()
        XCTAssertEqual(press(.down, .character("j"), .down, on: menu), [.handled, .handled, .handled])
        XCTAssertEqual(menu.selectedIndex, 2)
        press(.character("k"), on: menu)
        XCTAssertEqual(menu.selectedIndex, 1)
        press(.home, on: menu)
        XCTAssertEqual(menu.selectedIndex, 0)
        press(.up, on: menu)
        XCTAssertEqual(menu.selectedIndex, 0)
        press(.end, on: menu)
        XCTAssertEqual(menu.selectedIndex, 2)
    }

    func testDigitSelectsAndActivates() async {
        let menu = makeMenu()
        XCTAssertEqual(menu.handle(key: .character("2")), .activated)
        XCTAssertEqual(menu.selectedIndex, 1)
        XCTAssertEqual(menu.handle(key: .character("3")), .activated, "a disabled item can be chosen; the owner decides")
        XCTAssertEqual(menu.selectedItem?.enabled, false)
        XCTAssertEqual(menu.handle(key: .character("9")), .unhandled, "no ninth item")
        XCTAssertEqual(menu.handle(key: .character("0")), .unhandled)
        XCTAssertEqual(menu.selectedIndex, 2)
    }

    func testEnterActivatesAndOtherKeysAreLeftToTheScreen() async {
        let menu = makeMenu()
        XCTAssertEqual(menu.handle(key: .enter), .activated)
        XCTAssertEqual(menu.handle(key: .escape), .unhandled)
        XCTAssertEqual(menu.handle(key: .function(2)), .unhandled)
        XCTAssertEqual(MenuView(items: []).handle(key: .enter), .unhandled)
    }

    func testScrollsToKeepSelectionVisible() async {
        let menu = MenuView(items: (1...12).map { MenuItem(title: "Item \($0)") })
        press(.end, on: menu)
        let canvas = render(menu, width: 20, height: 3)
        XCTAssertEqual(canvas.line(2).hasPrefix("12  Item 12"), true, canvas.text)
        XCTAssertEqual(canvas.line(0).hasPrefix("10  Item 10"), true, canvas.text)
    }
}
