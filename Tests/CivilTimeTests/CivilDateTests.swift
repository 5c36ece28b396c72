import CivilTime
import XCTest

/// Calendar dates and clock times: parsing, leap days, formatting, ordering and arithmetic.
final class CivilDateTests: XCTestCase {
    private func parse(_ text: String) -> CivilDate? { try? CivilDate.parse(text).get() }
    private func message(_ text: String) -> String? {
        if case .failure(let error) = CivilDate.parse(text) { return error.description }
        return nil
    }

    func testLeapDays() {
        XCTAssertEqual(parse("29/02/2024"), CivilDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(parse("29/02/2026"))
        XCTAssertEqual(message("29/02/2026"), "29/02/2026 is not a date: February 2026 has 28 days")
        XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29), "2000 divides by 400")
        XCTAssertNil(CivilDate(year: 1900, month: 2, day: 29), "1900 is a century")
    }

    func testImpossibleDaysAndMonths() {
        XCTAssertEqual(message("31/02/2026"), "31/02/2026 is not a date: February 2026 has 28 days")
        XCTAssertEqual(message("31/04/2026"), "31/04/2026 is not a date: April 2026 has 30 days")
        XCTAssertEqual(message("12/13/2026"), "12/13/2026 is not a date: months go from 01 to 12")
        XCTAssertNil(CivilDate(year: 2026, month: 4, day: 31))
    }

    func testAcceptedShapes() {
        let date = CivilDate(year: 2026, month: 3, day: 7)
        XCTAssertEqual(parse("07/03/2026"), date)
        XCTAssertEqual(parse("7/3/2026"), date)
        XCTAssertEqual(parse(" 2026-03-07 "), date)
        XCTAssertEqual(message("March 7"), "Type the date as dd/mm/yyyy")
        XCTAssertEqual(message("07/03/26"), "Type the year in full, as dd/mm/yyyy")
        XCTAssertEqual(message(""), "Type the date as dd/mm/yyyy")
    }

    func testFormattingOrderingAndArithmetic() throws {
        let date = try XCTUnwrap(CivilDate(year: 2026, month: 5, day: 12))
        XCTAssertEqual(date.description, "12/05/2026")
        XCTAssertEqual(date.iso8601, "2026-05-12")
        XCTAssertEqual(date.longDescription, "Tuesday 12 May 2026")
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch, 0)
        XCTAssertEqual(date.adding(days: 20), CivilDate(year: 2026, month: 6, day: 1))
        XCTAssertEqual(CivilDate(year: 2024, month: 3, day: 1)?.adding(days: -1), CivilDate(year: 2024, month: 2, day: 29))
        XCTAssertLessThan(date, try XCTUnwrap(CivilDate(year: 2026, month: 12, day: 1)))
        XCTAssertGreaterThan(date, try XCTUnwrap(CivilDate(year: 2025, month: 12, day: 31)))
    }

    func testClockTime() {
        XCTAssertEqual(try? ClockTime.parse("09:05").get(), ClockTime(hour: 9, minute: 5))
        XCTAssertEqual(try? ClockTime.parse("1430").get(), ClockTime(hour: 14, minute: 30))
        XCTAssertEqual(ClockTime(hour: 7, minute: 0)?.description, "07:00")
        guard case .failure(let error) = ClockTime.parse("25:00") else { return XCTFail("25:00 accepted") }
        XCTAssertEqual(error.description, "25:00 is not a time: hours go from 00 to 23")
        guard case .failure(let minutes) = ClockTime.parse("10:75") else { return XCTFail("10:75 accepted") }
        XCTAssertEqual(minutes.description, "10:75 is not a time: minutes go from 00 to 59")
        XCTAssertNil(ClockTime(hour: 24, minute: 0))
    }
}
