import XCTest
import TerminalUI

@MainActor
final class ListViewTests: XCTestCase {
    private let names = ["Adam Smith", "Zoë Ōkubo", "李小龍", "Zoe Brown", "Chloé Martin", "Ben Zoellner"]

    private func makeList() -> ListView<String> { ListView(items: names) { $0 } }

    func testDrawsRowsWithWideCharacters() async {
        let canvas = render(makeList(), width: 20, height: 6)
        XCTAssertEqual(canvas.text, """
            Adam Smith
            Zoë Ōkubo
            李小龍
            Zoe Brown
            Chloé Martin
            Ben Zoellner
            """)
        XCTAssertEqual(canvas[1, 2].text, "", "李 takes two columns")
    }

    func testFilterIsCaseAndDiacriticInsensitive() async {
        let list = makeList()
        XCTAssertEqual(list.handle(key: .character("/")), .handled)
        XCTAssertTrue(list.isFiltering)
        type("zoe", into: list)
        XCTAssertEqual(list.filterText, "zoe")
        XCTAssertEqual(list.filteredItems, ["Zoë Ōkubo", "Zoe Brown", "Ben Zoellner"])
        XCTAssertEqual(list.selectedItem, "Zoë Ōkubo")
        type(" o", into: list)
        XCTAssertEqual(list.filteredItems, ["Zoë Ōkubo"], "Ō matches o")
        press(.backspace, .backspace, on: list)
        XCTAssertEqual(list.filteredItems.count, 3, "Backspace widens the filter again")
    }

    /// A megabyte typed into the filter (a terminal without bracketed paste) is refused past
    /// the limit, said so, and takes back its room at the first Backspace.
    func testAFilterHoldsAtMost256BytesAndSaysSo() async {
        let list = makeList()
        press(.character("/"), on: list)
        type(String(repeating: "é", count: 200), into: list)
        XCTAssertEqual(list.filterText.utf8.count, 256, "128 two-byte letters fit")
        XCTAssertEqual(list.filteredItems, [])
        let full = render(list, width: 60, height: 4).text
        XCTAssertTrue(full.contains("at most 256 bytes"), full)
        press(.backspace, on: list)
        XCTAssertEqual(list.filterText.utf8.count, 254)
        XCTAssertFalse(render(list, width: 60, height: 4).text.contains("at most"), "room again after Backspace")
        press(.escape, on: list)
        XCTAssertEqual(list.filterText, "")
    }

    func testFilterDrawsPromptOnLastRowWhileFiltering() async {
        let list = makeList()
        press(.character("/"), on: list)
        type("ZOË", into: list)
        let canvas = render(list, width: 24, height: 5)
        XCTAssertEqual(canvas.text, """
            Zoë Ōkubo
            Zoe Brown
            Ben Zoellner

            /ZOË              3 of 6
            """)
        XCTAssertEqual(canvas.cursor, Point(x: 4, y: 4))
    }

    func testEnterKeepsFilterEscClearsIt() async {
        let list = makeList()
        press(.character("/"), on: list)
        type("chlo", into: list)
        XCTAssertEqual(list.handle(key: .enter), .activated, "Enter on the only match opens it")
        XCTAssertFalse(list.isFiltering)
        XCTAssertEqual(list.filterText, "chlo")
        XCTAssertEqual(list.filteredItems, ["Chloé Martin"])
        XCTAssertEqual(list.handle(key: .enter), .activated)
        XCTAssertEqual(list.selectedItem, "Chloé Martin")
        XCTAssertEqual(list.handle(key: .escape), .handled, "Esc first clears a kept filter")
        XCTAssertEqual(list.filteredItems.count, 6)
        XCTAssertEqual(list.selectedItem, "Chloé Martin", "the selection survives clearing the filter")
        XCTAssertEqual(list.handle(key: .escape), .unhandled, "with no filter Esc goes to the screen")
    }

    func testEscInFilterModeClearsAndReturnsHandled() async {
        let list = makeList()
        press(.character("/"), on: list)
        type("xyz", into: list)
        XCTAssertEqual(list.filteredItems, [])
        XCTAssertEqual(list.selectedItem, nil)
        XCTAssertEqual(render(list, width: 30, height: 3).line(0), "No match for 'xyz'")
        XCTAssertEqual(list.handle(key: .escape), .handled)
        XCTAssertFalse(list.isFiltering)
        XCTAssertEqual(list.filterText, "")
        XCTAssertEqual(list.filteredItems.count, 6)
    }

    func testNextAndPreviousMatchWrapOnlyWhileFiltered() async {
        let list = makeList()
        XCTAssertEqual(list.handle(key: .character("n")), .unhandled, "without a filter n is the screen's")
        press(.character("/"), on: list)
        type("zoe", into: list)
        press(.enter, on: list)
        XCTAssertEqual(list.handle(key: .character("n")), .handled)
        XCTAssertEqual(list.selectedItem, "Zoe Brown")
        press(.character("n"), .character("n"), on: list)
        XCTAssertEqual(list.selectedItem, "Zoë Ōkubo", "n wraps round")
        press(.character("N"), on: list)
        XCTAssertEqual(list.selectedItem, "Ben Zoellner")
    }

    func testEmptyListSaysSo() async {
        let list = ListView<String>(items: []) { $0 }
        XCTAssertEqual(render(list, width: 20, height: 2).text, "(empty)\n")
        XCTAssertEqual(list.handle(key: .enter), .unhandled)
        XCTAssertNil(list.selectedIndex)
    }

    func testMovementKeysAndScrollIndicator() async {
        let list = ListView(items: Array(1...100)) { "Row \($0)" }
        press(.down, .character("j"), on: list)
        XCTAssertEqual(list.selectedItem, 3)
        press(.character("k"), on: list)
        XCTAssertEqual(list.selectedItem, 2)
        _ = render(list, width: 12, height: 10)
        press(.pageDown, on: list)
        XCTAssertEqual(list.selectedItem, 11, "PgDn moves a page less one row")
        press(.end, on: list)
        let canvas = render(list, width: 12, height: 10)
        XCTAssertEqual(list.selectedIndex, 99)
        XCTAssertEqual(canvas.line(9), "Row 100    █", "the thumb is at the bottom")
        XCTAssertEqual(canvas.line(0), "Row 91     │")
        press(.home, on: list)
        XCTAssertEqual(render(list, width: 12, height: 10).line(0), "Row 1      █")
    }

    func testSettingItemsKeepsTheSelectedRow() async {
        let list = makeList()
        list.selectedIndex = 4
        XCTAssertEqual(list.selectedItem, "Chloé Martin")
        list.items = ["Aaron Ash"] + names
        XCTAssertEqual(list.selectedItem, "Chloé Martin")
        list.items = ["Aaron Ash", "Ben Zoellner"]
        XCTAssertEqual(list.selectedIndex, 1, "a removed row's selection stays near its place")
    }

    /// Correctness over a large list; its speed is measured by the benchmarks, not by a timed test.
    func testFilteringAHundredThousandRowsNarrowsAndWidens() async {
        let items = (0..<100_000).map { "Pupil \($0) Zoë Ōkubo-\($0 % 97) Year \($0 % 7)" }
        let list = ListView(items: items) { $0 }
        press(.character("/"), on: list)
        for character in "okubo-42" { _ = list.handle(key: .character(character)) }
        XCTAssertEqual(list.filteredItems.count, items.filter { $0.contains("Ōkubo-42 ") }.count)
        _ = list.handle(key: .backspace)
        XCTAssertEqual(list.filteredItems.count, items.filter { $0.contains("Ōkubo-4") }.count)
    }
}

@MainActor
final class TextViewTests: XCTestCase {
    func testWrapsKeepsIndentAndScrolls() async {
        let view = TextView(text: "Title\n  [x] a long option that wraps onto the next line\nlast")
        var canvas = Canvas(size: Size(width: 24, height: 3))
        view.draw(into: &canvas, rect: canvas.bounds, focused: true)
        XCTAssertEqual(canvas.line(0), "Title                  █")
        XCTAssertEqual(canvas.line(1), "  [x] a long option    │")
        XCTAssertFalse(view.hasReachedEnd)
        XCTAssertEqual(view.handle(key: .end), .handled)
        canvas = Canvas(size: Size(width: 24, height: 3))
        view.draw(into: &canvas, rect: canvas.bounds, focused: true)
        XCTAssertEqual(canvas.line(2), "last                   █")
        XCTAssertTrue(view.hasReachedEnd)
        XCTAssertEqual(view.handle(key: .tab), .unhandled)
    }
}
