import XCTest
import TerminalUI

@MainActor
final class TextAreaTests: XCTestCase {
    func testWrapsAtWordsAndEditsAcrossLines() async {
        let area = TextArea()
        type("Zoë said the messages started in May", into: area)
        let canvas = render(area, width: 16, height: 4)
        XCTAssertEqual(canvas.text, """
            Zoë said the
            messages
            started in May

            """)
        XCTAssertEqual(canvas.cursor, Point(x: 14, y: 2))
        XCTAssertEqual(area.text, "Zoë said the messages started in May", "wrapping adds no newlines")
    }

    func testEnterInsertsNewlineAndBackspaceJoins() async {
        let area = TextArea(text: "first second")
        press(.home, on: area)
        for _ in 0..<6 { press(.right, on: area) }
        XCTAssertEqual(press(.enter, on: area), [.changed])
        XCTAssertEqual(area.text, "first \nsecond")
        XCTAssertEqual(area.cursorLine, 1)
        XCTAssertEqual(press(.backspace, on: area), [.changed])
        XCTAssertEqual(area.text, "first second")
        XCTAssertEqual(area.cursorColumn, 6)
        press(.end, .delete, on: area)
        XCTAssertEqual(area.text, "first second", "Del at the very end does nothing")
    }

    func testUpAndDownMoveByScreenRowAndLeaveAtTheEnds() async {
        let area = TextArea(text: "李小龍\nab\nlonger line")
        _ = render(area, width: 20, height: 3)
        XCTAssertEqual(area.cursorLine, 2)
        press(.up, on: area)
        XCTAssertEqual(area.cursorLine, 1)
        XCTAssertEqual(area.cursorColumn, 2, "the column is kept as far as the line allows")
        press(.up, on: area)
        XCTAssertEqual(area.cursorLine, 0)
        XCTAssertEqual(area.cursorColumn, 3)
        XCTAssertEqual(area.handle(key: .up), .unhandled, "↑ on the first row is the form's")
        press(.home, .right, on: area)
        XCTAssertEqual(render(area, width: 20, height: 3).cursor, Point(x: 2, y: 0))
        press(.down, on: area)
        XCTAssertEqual(area.cursorColumn, 2, "display column 2 is after 'ab'")
        press(.down, on: area)
        XCTAssertEqual(area.handle(key: .down), .unhandled)
        XCTAssertEqual(area.handle(key: .tab), .unhandled)
    }

    func testScrollsToFollowTheCursor() async {
        let area = TextArea(text: (1...10).map { "line \($0)" }.joined(separator: "\n"))
        var canvas = render(area, width: 12, height: 3)
        XCTAssertEqual(canvas.text, """
            line 8     │
            line 9     │
            line 10    █
            """)
        for _ in 0..<9 { press(.up, on: area) }
        canvas = render(area, width: 12, height: 3)
        XCTAssertEqual(canvas.line(0), "line 1     █")
        XCTAssertEqual(canvas.cursor?.y, 0)
    }
}
