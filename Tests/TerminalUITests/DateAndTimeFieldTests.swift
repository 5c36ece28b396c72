import XCTest
import TerminalUI
import CivilTime

/// The date and time fields: bounds, words and typing.
@MainActor
final class DateAndTimeFieldTests: XCTestCase {
    func testFutureDateRefusedWhenLatestIsToday() async throws {
        let today = CivilDate.today()
        let tomorrow = try XCTUnwrap(today.adding(days: 1))
        let field = DateField(latest: today)
        type(tomorrow.description, into: field)
        XCTAssertNil(field.date)
        XCTAssertEqual(field.validationMessage, "\(tomorrow) must not be in the future (today is \(today))")
        field.text = today.description
        XCTAssertEqual(field.date, today)
        XCTAssertNil(field.validationMessage)
    }

    func testBoundsOtherThanToday() async throws {
        let field = DateField(earliest: CivilDate(year: 2025, month: 9, day: 1), latest: CivilDate(year: 2026, month: 7, day: 31))
        field.text = "01/08/2026"
        XCTAssertEqual(field.validationMessage, "01/08/2026 must not be after 31/07/2026")
        field.text = "2025-08-31"
        XCTAssertEqual(field.validationMessage, "31/08/2025 must not be before 01/09/2025")
    }

    func testDateFieldShowsTheDateInWords() async {
        let field = DateField()
        XCTAssertTrue(field.isEmpty)
        XCTAssertNil(field.validationMessage, "an empty field is the form's business")
        XCTAssertEqual(type("12/5/2026", into: field), .changed)
        let canvas = render(field, width: 40, height: 1)
        XCTAssertEqual(canvas.text, "12/5/2026   Tuesday 12 May 2026")
        XCTAssertEqual(canvas.cursor, Point(x: 9, y: 0))
        type("x", into: field)
        XCTAssertEqual(field.validationMessage, "Type the date as dd/mm/yyyy")
        XCTAssertEqual(render(field, width: 40, height: 1).text, "12/5/2026x")
    }

    func testTimeField() async {
        let field = TimeField()
        type("25:00", into: field)
        XCTAssertNil(field.time)
        XCTAssertEqual(field.validationMessage, "25:00 is not a time: hours go from 00 to 23")
        field.time = ClockTime(hour: 8, minute: 45)
        XCTAssertEqual(field.text, "08:45")
        XCTAssertNil(field.validationMessage)
    }
}
