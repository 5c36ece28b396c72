import XCTest
import TerminalUI

@MainActor
final class ChoiceFieldTests: XCTestCase {
    private enum Place: Hashable { case school, outside }

    func testRadioStyleDrawingAndKeys() async {
        let field = ChoiceField(options: [(label: "In school", value: Place.school), (label: "Outside school", value: .outside)])
        XCTAssertTrue(field.isEmpty)
        XCTAssertEqual(render(field, width: 40, height: 1).text, "( ) In school  ( ) Outside school")
        XCTAssertEqual(press(.character(" "), on: field), [.changed])
        XCTAssertEqual(field.selection, .school)
        XCTAssertEqual(render(field, width: 40, height: 1).text, "(•) In school  ( ) Outside school")
        press(.right, on: field)
        XCTAssertEqual(field.selection, .outside)
        press(.right, on: field)
        XCTAssertEqual(field.selection, .school, "wraps round")
        XCTAssertEqual(press(.character("2"), on: field), [.changed])
        XCTAssertEqual(field.selection, .outside)
        XCTAssertEqual(press(.character("2"), on: field), [.handled], "no change")
        XCTAssertEqual(press(.down, .tab, .character("3"), on: field), [.unhandled, .unhandled, .unhandled], "↓ on the last option leaves")
        XCTAssertEqual(press(.up, on: field), [.changed], "↑ moves within the choice")
        XCTAssertEqual(field.selection, .school)
        XCTAssertEqual(press(.up, on: field), [.unhandled], "↑ on the first option leaves")
        XCTAssertEqual(press(.down, on: field), [.changed], "↓ moves within the choice")
        XCTAssertEqual(field.selection, .outside)
        XCTAssertEqual(press(.delete, on: field), [.changed])
        XCTAssertNil(field.selection)
    }

    func testManyOptionsAreDrawnOneARow() async {
        let labels = ["Bullying or harassment", "Inappropriate content", "Contact with a stranger", "Other"]
        let field = ChoiceField(options: labels.map { FieldOption($0, value: $0) }, selection: "Other")
        XCTAssertTrue(field.isVertical)
        XCTAssertEqual(field.preferredHeight, 4)
        XCTAssertEqual(render(field, width: 40, height: 4).line(3), "(•) Other")
    }
}

@MainActor
final class CheckListFieldTests: XCTestCase {
    private let risks = ["Bullying or harassment", "Grooming", "Sexting", "Extremism", "Self-harm"]

    private func makeField() -> CheckListField<String> {
        CheckListField(options: risks.map { FieldOption($0, value: $0) })
    }

    func testSpaceTogglesAndOrderIsKept() async {
        let field = makeField()
        press(.down, .down, on: field)
        XCTAssertEqual(press(.character(" "), on: field), [.changed])
        press(.up, .up, .character(" "), on: field)
        XCTAssertEqual(field.selection, ["Sexting", "Bullying or harassment"])
        XCTAssertEqual(field.selectedInOrder, ["Bullying or harassment", "Sexting"])
        XCTAssertEqual(render(field, width: 30, height: 5, focused: false).text, """
            [x] Bullying or harassment
            [ ] Grooming
            [x] Sexting
            [ ] Extremism
            [ ] Self-harm
            """)
        press(.character(" "), on: field)
        XCTAssertEqual(field.selectedInOrder, ["Sexting"])
    }

    func testUpAndDownLeaveAtTheEnds() async {
        let field = makeField()
        XCTAssertEqual(field.handle(key: .up), .unhandled)
        press(.end, on: field)
        XCTAssertEqual(field.highlightedIndex, 4)
        XCTAssertEqual(field.handle(key: .down), .unhandled)
        XCTAssertEqual(field.handle(key: .up), .handled)
    }

    func testScrollsWhenOptionsOutnumberRows() async {
        let field = makeField()
        press(.end, .character(" "), on: field)
        let canvas = render(field, width: 20, height: 2)
        XCTAssertEqual(canvas.text, """
            [ ] Extremism      │
            [x] Self-harm      █
            """)
        XCTAssertEqual(canvas.cursor, Point(x: 1, y: 1))
    }
}
