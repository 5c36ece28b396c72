import TerminalUI
import XCTest

/// The readline keys, alike in a one-line field and in a multi-line area.
@MainActor
final class LineEditingTests: XCTestCase {
    func testReadlineKeysInATextField() async {
        let field = TextField(text: "Zoë Ōkubo, Year 4")
        press(.alt("b"), on: field)
        XCTAssertEqual(field.cursorIndex, 16, "Alt-B goes back to the start of the word")
        press(.alt("b"), .alt("b"), on: field)
        XCTAssertEqual(field.cursorIndex, 4)
        press(.alt("f"), on: field)
        XCTAssertEqual(field.cursorIndex, 9, "Alt-F goes to the end of the word")
        XCTAssertEqual(press(.control("w"), on: field), [.changed])
        XCTAssertEqual(field.text, "Zoë , Year 4", "Ctrl-W deletes the word before the cursor")
        XCTAssertEqual(press(.control("k"), on: field), [.changed])
        XCTAssertEqual(field.text, "Zoë ")
        press(.control("a"), on: field)
        XCTAssertEqual(field.cursorIndex, 0)
        press(.control("e"), on: field)
        XCTAssertEqual(press(.control("u"), on: field), [.changed])
        XCTAssertEqual(field.text, "")
        XCTAssertEqual(press(.control("w"), on: field), [.handled], "nothing to delete")
    }

    func testReadlineKeysInATextAreaWorkOnTheCursorsLine() async {
        let area = TextArea(text: "First line\nsecond line here")
        XCTAssertEqual(press(.control("w"), on: area), [.changed])
        XCTAssertEqual(area.text, "First line\nsecond line ")
        press(.alt("b"), on: area)
        XCTAssertEqual(area.cursorColumn, 7)
        XCTAssertEqual(press(.control("k"), on: area), [.changed])
        XCTAssertEqual(area.text, "First line\nsecond ")
        press(.control("a"), on: area)
        XCTAssertEqual(area.cursorColumn, 0)
        press(.control("e"), on: area)
        XCTAssertEqual(press(.control("u"), on: area), [.changed], "Ctrl-U clears to the start of the line")
        XCTAssertEqual(area.text, "First line\n")
        press(.up, on: area)
        press(.control("e"), .control("u"), on: area)
        XCTAssertEqual(area.text, "\n", "Ctrl-U works on every line of a multi-line field")
    }

    func testAPlaceholderIsAHintDrawnApartNeverPartOfTheValue() async {
        let field = TextField(placeholder: "Your school's name")
        var canvas = render(field, width: 30, height: 1)
        XCTAssertEqual(canvas.text, "Your school's name")
        XCTAssertEqual(canvas[0, 0].style, .dim)
        XCTAssertEqual(canvas.cursor, Point(x: 0, y: 0), "the cursor is at the start of the empty value")
        type("X", into: field)
        XCTAssertEqual(field.text, "X")
        canvas = render(field, width: 30, height: 1)
        XCTAssertEqual(canvas.text, "X")
        let area = TextArea(placeholder: "one name per line")
        type("Ada", into: area)
        XCTAssertEqual(area.text, "Ada")
    }

    func testTheHelpListsEveryReadlineKey() async {
        let help = HelpOverlay(title: "Help", text: "", table: ActionTable()).lines(width: 60).joined(separator: "\n")
        for key in ["Ctrl-A", "Ctrl-E", "Ctrl-K", "Ctrl-U", "Ctrl-W", "Alt-B", "Alt-F"] {
            XCTAssertTrue(help.contains(key), "\(key) missing from help:\n\(help)")
        }
    }
}
