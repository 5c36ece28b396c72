import XCTest
import TerminalUI

/// A paste is one edit: inserted whole at the cursor, newlines kept in a text area and turned
/// into spaces in a one-line field, control characters dropped, a length limit said, not hidden.
@MainActor
final class PasteTests: XCTestCase {
    func testATextAreaTakesAMultiLinePasteAtTheCursor() async {
        let area = TextArea(text: "before after")
        press(.home, on: area)
        for _ in 0..<7 { press(.right, on: area) }
        XCTAssertEqual(area.insert(pasted: "one\r\ntwo\tthree\nfour\u{07} "), PasteResult(.changed))
        XCTAssertEqual(area.text, "before one\ntwo three\nfour after")
        XCTAssertEqual(area.cursorLine, 2)
        XCTAssertEqual(area.cursorColumn, 5, "the cursor ends after the paste")
        type("!", into: area)
        XCTAssertEqual(area.text, "before one\ntwo three\nfour !after")
        XCTAssertEqual(area.insert(pasted: "\u{01}\u{02}"), PasteResult(.handled), "nothing to insert")
    }

    func testATextFieldTakesOneLineAndSaysWhatHadNoRoom() async {
        let field = TextField(text: "ab", maxLength: 10)
        press(.home, on: field)
        let result = field.insert(pasted: "12\n34567890")
        XCTAssertEqual(result, PasteResult(.changed, leftOut: 3))
        XCTAssertEqual(field.text, "12 34567ab")
        XCTAssertEqual(result.message, "The field had no room for the last 3 characters of the paste: they were left out.")
        XCTAssertEqual(field.insert(pasted: "x"), PasteResult(.handled, leftOut: 1))
    }

    func testATimeOrDateFieldSaysWhatOfAPasteHadNoRoom() async {
        let time = TimeField()
        let pasted = time.insert(pasted: String(repeating: "x", count: 20_000))
        XCTAssertEqual(pasted, PasteResult(.changed, leftOut: 19_995))
        XCTAssertEqual(time.text, "xxxxx")
        XCTAssertNotNil(pasted.message)
        XCTAssertNotNil(time.validationMessage, "what went in is not a time, and is called so")
        let date = DateField()
        XCTAssertEqual(date.insert(pasted: "25/11/2026"), PasteResult(.changed))
        XCTAssertEqual(date.insert(pasted: "9"), PasteResult(.handled, leftOut: 1))
        XCTAssertEqual(date.text, "25/11/2026")
    }

    func testAFormPastesIntoTheFocusedFieldAndHasUnsavedWork() async {
        let name = TextField()
        let notes = TextArea()
        let form = Form(fields: [Form.Field(label: "Name", widget: name), Form.Field(label: "Notes", widget: notes)])
        press(.tab, on: form)
        XCTAssertEqual(form.handle(paste: "line 1\nline 2").response, .changed)
        XCTAssertEqual(notes.text, "line 1\nline 2")
        XCTAssertEqual(name.text, "")
        XCTAssertTrue(form.isDirty)
    }

    func testAHundredKilobytePasteIsOneInsertion() async {
        let area = TextArea()
        let text = String(repeating: "A line of a long paste.\n", count: 4_300)
        XCTAssertEqual(area.insert(pasted: text), PasteResult(.changed))
        XCTAssertEqual(area.text, text)
        XCTAssertEqual(area.cursorLine, 4_300)
        let canvas = render(area, width: 40, height: 5)
        XCTAssertEqual(canvas.cursor, Point(x: 0, y: 4), "the cursor is at the end, in view")
    }
}
