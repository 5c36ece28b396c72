import XCTest
import TerminalUI
import CivilTime

@MainActor
final class FormTests: XCTestCase {
    private enum Place: Hashable { case school, outside }

    private var nameField: TextField!
    private var date: DateField!
    private var place: ChoiceField<Place>!
    private var notes: TextArea!

    private func makeForm() -> Form {
        nameField = TextField()
        date = DateField(latest: CivilDate(year: 2026, month: 7, day: 31))
        place = ChoiceField(options: [(label: "In school", value: .school), (label: "Outside school", value: .outside)])
        notes = TextArea(visibleLines: 2)
        return Form(fields: [
            Form.Field(label: "Full name", widget: nameField, required: true, help: "As on the school register"),
            Form.Field(label: "Date", widget: date, required: true),
            Form.Field(label: "Where", widget: place),
            Form.Field(label: "Notes:", widget: notes),
        ])
    }

    func testLayoutLabelsFieldsAndHelp() async {
        let form = makeForm()
        let canvas = render(form, width: 60, height: 8)
        XCTAssertEqual(canvas.text, """
            Full name *
            Date *       dd/mm/yyyy
            Where        ( ) In school  ( ) Outside school
            Notes:



            As on the school register
            """)
        XCTAssertEqual(canvas.cursor, Point(x: 13, y: 0), "the cursor is in the focused field")
        XCTAssertEqual(canvas[0, 0].style, .emphasis, "the focused field's label stands out")
        XCTAssertEqual(canvas[13, 0].style, .fieldFocused)
        XCTAssertEqual(canvas[13, 3].style, .field)
    }

    func testTabOrderAndRequiredMessageShownAtTheFieldAfterLeavingIt() async {
        let form = makeForm()
        XCTAssertNil(form.shownMessage(forField: 0), "no message before the user has been to the field")
        XCTAssertEqual(press(.tab, on: form), [.handled])
        XCTAssertEqual(form.focusedIndex, 1)
        let canvas = render(form, width: 60, height: 8)
        XCTAssertEqual(canvas.line(0), "Full name *")
        XCTAssertEqual(canvas.line(1), "             Full name is required")
        XCTAssertEqual(canvas[13, 1].style, .error)
        XCTAssertEqual(canvas.line(2), "Date *       dd/mm/yyyy")
        XCTAssertEqual(canvas.cursor, Point(x: 13, y: 2))

        press(.tab, .tab, on: form)
        XCTAssertEqual(form.focusedIndex, 3)
        press(.tab, on: form)
        XCTAssertEqual(form.focusedIndex, 0, "Tab wraps round")
        press(.backTab, on: form)
        XCTAssertEqual(form.focusedIndex, 3, "Shift-Tab goes back")

        press(.backTab, .backTab, .backTab, on: form)
        type("Zoë Ōkubo", into: form)
        XCTAssertNil(form.shownMessage(forField: 0), "the message follows the value")
        XCTAssertEqual(render(form, width: 60, height: 8).line(0), "Full name *  Zoë Ōkubo")
    }

    func testDownAndUpMoveWhenTheControlDoesNotUseThem() async {
        let form = makeForm()
        XCTAssertEqual(press(.down, on: form), [.handled])
        XCTAssertEqual(form.focusedIndex, 1)
        press(.down, on: form)
        XCTAssertEqual(form.focusedIndex, 2)
        XCTAssertEqual(press(.down, on: form), [.changed], "↓ in a radio choice chooses the first option")
        XCTAssertEqual(press(.down, on: form), [.changed], "↓ moves to the next option, staying in the field")
        XCTAssertEqual(form.focusedIndex, 2)
        XCTAssertEqual(press(.down, on: form), [.handled], "↓ on the last option leaves the choice")
        XCTAssertEqual(form.focusedIndex, 3)
        XCTAssertEqual(press(.down, on: form), [.unhandled], "↓ below the last field goes to the screen")
        press(.up, on: form)
        XCTAssertEqual(form.focusedIndex, 2)
        press(.tab, .backTab, on: form)
        XCTAssertEqual(form.focusedIndex, 2, "Tab leaves a radio choice")
        XCTAssertEqual(press(.enter, on: form), [.unhandled], "the screen decides what Enter does")
    }

    func testValidateShowsEveryProblemAndFocusesTheFirst() async {
        let form = makeForm()
        press(.tab, on: form)
        type("31/02/2026", into: form)
        press(.tab, .tab, on: form)
        XCTAssertFalse(form.validate())
        XCTAssertEqual(form.focusedIndex, 0)
        XCTAssertEqual(render(form, width: 72, height: 8).text, """
            Full name *
                         Full name is required
            Date *       31/02/2026
                         31/02/2026 is not a date: February 2026 has 28 days
            Where        ( ) In school  ( ) Outside school
            Notes:

            As on the school register
            """)
        type("Zoë", into: form)
        XCTAssertFalse(form.validate())
        XCTAssertEqual(form.focusedIndex, 1)
        for _ in 0..<10 { press(.backspace, on: form) }
        type("29/02/2024", into: form)
        XCTAssertTrue(form.validate())
        XCTAssertEqual(date.date, CivilDate(year: 2024, month: 2, day: 29))
    }

    func testDirtyUntilMarkedClean() async {
        let form = makeForm()
        XCTAssertFalse(form.isDirty)
        press(.tab, .tab, on: form)
        XCTAssertFalse(form.isDirty, "moving about changes nothing")
        XCTAssertEqual(press(.character(" "), on: form), [.changed])
        XCTAssertTrue(form.isDirty)
        XCTAssertEqual(place.selection, .school)
        form.markClean()
        XCTAssertFalse(form.isDirty)
    }

    func testScrollsToKeepTheFocusedFieldVisible() async {
        let form = makeForm()
        form.showsHelp = false
        form.focus(3)
        var canvas = render(form, width: 40, height: 3)
        // The radio options do not fit on one line at this width: they wrap, none is cut.
        XCTAssertEqual(canvas.text, """
                         ( ) Outside school        │
            Notes:                                 │
                                                   █
            """)
        XCTAssertEqual(canvas.cursor, Point(x: 13, y: 1))
        form.focus(0)
        canvas = render(form, width: 40, height: 3)
        XCTAssertEqual(canvas.line(0).hasPrefix("Full name *"), true, canvas.text)
    }

    func testOwnerMessageShowsUntilTheFieldChanges() async {
        let form = makeForm()
        type("Zoë Ōkubo", into: form)
        form.setMessage("Zoë Ōkubo is already on the register", forField: 0)
        XCTAssertEqual(render(form, width: 60, height: 8).line(1), "             Zoë Ōkubo is already on the register")
        type("!", into: form)
        XCTAssertNil(form.shownMessage(forField: 0))
    }
}
