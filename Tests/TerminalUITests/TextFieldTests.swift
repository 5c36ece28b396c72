import XCTest
import TerminalUI

@MainActor
final class TextFieldTests: XCTestCase {
    func testTypingZoeOkuboAndCursorColumn() async {
        let field = TextField()
        XCTAssertEqual(type("Zoë Ōkubo", into: field), .changed)
        XCTAssertEqual(field.text, "Zoë Ōkubo")
        let canvas = render(field, width: 20, height: 1)
        XCTAssertEqual(canvas.text, "Zoë Ōkubo")
        XCTAssertEqual(canvas.cursor, Point(x: 9, y: 0))
        XCTAssertEqual(canvas[0, 0].style, .fieldFocused)
        XCTAssertEqual(render(field, width: 20, height: 1, focused: false).cursor, nil)
    }

    func testBackspaceRemovesDecomposedGraphemeAsOne() async {
        let decomposed = TextField(text: "Zoe\u{308}")
        XCTAssertEqual(decomposed.text.count, 3)
        XCTAssertEqual(press(.backspace, on: decomposed), [.changed])
        XCTAssertEqual(decomposed.text, "Zo")
        XCTAssertEqual(decomposed.text.unicodeScalars.count, 2, "the combining mark went with its e")

        let precomposed = TextField(text: "Zo\u{EB}")
        press(.backspace, on: precomposed)
        XCTAssertEqual(precomposed.text, "Zo")
    }

    func testCombiningMarkTypedSeparatelyJoinsThePreviousLetter() async {
        let field = TextField()
        type("Zoe", into: field)
        XCTAssertEqual(field.handle(key: .character("\u{308}")), .changed)
        XCTAssertEqual(field.text, "Zoe\u{308}")
        XCTAssertEqual(field.cursorIndex, 3)
        XCTAssertEqual(render(field, width: 10, height: 1).cursor, Point(x: 3, y: 0))
    }

    func testWideCharactersMoveTheCursorTwoColumns() async {
        let field = TextField(text: "李a")
        press(.home, on: field)
        XCTAssertEqual(render(field, width: 10, height: 1).cursor, Point(x: 0, y: 0))
        press(.right, on: field)
        XCTAssertEqual(render(field, width: 10, height: 1).cursor, Point(x: 2, y: 0))
        XCTAssertEqual(type("李", into: field), .changed)
        XCTAssertEqual(field.text, "李李a")
        XCTAssertEqual(render(field, width: 10, height: 1).cursor, Point(x: 4, y: 0))
        press(.delete, on: field)
        XCTAssertEqual(field.text, "李李")
    }

    func testCursorKeysAndEmacsKeys() async {
        let field = TextField(text: "Ōkubo")
        press(.control("a"), on: field)
        XCTAssertEqual(field.cursorIndex, 0)
        XCTAssertEqual(press(.left, on: field), [.handled])
        XCTAssertEqual(field.cursorIndex, 0)
        press(.right, .right, on: field)
        type("X", into: field)
        XCTAssertEqual(field.text, "ŌkXubo")
        press(.control("e"), on: field)
        XCTAssertEqual(field.cursorIndex, 6)
        press(.home, .delete, on: field)
        XCTAssertEqual(field.text, "kXubo")
        press(.right, .control("k"), on: field)
        XCTAssertEqual(field.text, "k")
    }

    func testKeysForTheFormAreUnhandled() async {
        let field = TextField(text: "x")
        for key: Key in [.tab, .backTab, .enter, .escape, .up, .down, .function(2), .pageDown] {
            XCTAssertEqual(field.handle(key: key), .unhandled, "\(key)")
        }
        XCTAssertEqual(field.text, "x")
    }

    func testMaxLengthRefusesFurtherTyping() async {
        let field = TextField(maxLength: 3)
        type("abc", into: field)
        XCTAssertEqual(field.handle(key: .character("d")), .handled)
        XCTAssertEqual(field.text, "abc")
    }

    func testScrollsHorizontallyToKeepTheCursorVisible() async {
        let field = TextField(text: "李小龍 and Zoë Ōkubo")
        var canvas = render(field, width: 8, height: 1)
        XCTAssertEqual(canvas.text, "ë Ōkubo", "the end of the text is in view with room for the cursor")
        XCTAssertEqual(canvas.cursor, Point(x: 7, y: 0))
        press(.home, on: field)
        canvas = render(field, width: 8, height: 1)
        XCTAssertEqual(canvas.text, "李小龍 a")
        XCTAssertEqual(canvas.cursor, Point(x: 0, y: 0))
    }

    func testPlaceholderShowsWhenEmpty() async {
        let field = TextField(placeholder: "dd/mm/yyyy")
        let canvas = render(field, width: 12, height: 1)
        XCTAssertEqual(canvas.text, "dd/mm/yyyy")
        XCTAssertEqual(canvas[0, 0].style, .dim)
        XCTAssertTrue(field.isEmpty)
    }
}
