import CivilTime
@testable import ESafetyCore
import XCTest

/// Cadence arithmetic: term boundaries, month ends, leap years and the school-year start.
final class ReviewCadenceTests: XCTestCase {
    private func d(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

    /// Placeholder terms for 2025-26 to 2027-28, with Spring 2027 set to the school's own dates.
    private func calendar() throws -> SchoolCalendar {
        var calendar = SchoolCalendar.placeholder(academicYears: 2025...2027)
        try calendar.update(SchoolTerm(season: .spring, academicYear: 2026, start: d("2027-01-04"), end: d("2027-03-26")))
        return calendar
    }

    func testAnnualMovesOnAYearAndLeapDayFallsBackToThe28th() throws {
        let calendar = try calendar()
        XCTAssertEqual(ReviewCadence.annual.nextDue(afterDoneOn: d("2026-10-21"), calendar: calendar), d("2027-10-21"))
        XCTAssertEqual(ReviewCadence.annual.nextDue(afterDoneOn: d("2028-02-29"), calendar: calendar), d("2029-02-28"))
        XCTAssertEqual(ReviewCadence.annual.nextDue(afterDoneOn: d("2027-02-28"), calendar: calendar), d("2028-02-28"))
    }

    func testEveryNDaysCrossesMonthEndsAndLeapFebruary() throws {
        let calendar = try calendar()
        XCTAssertEqual(ReviewCadence.everyDays(45).nextDue(afterDoneOn: d("2026-01-31"), calendar: calendar), d("2026-03-17"))
        XCTAssertEqual(ReviewCadence.everyDays(60).nextDue(afterDoneOn: d("2028-01-15"), calendar: calendar), d("2028-03-15"),
                       "2028 is a leap year: February has 29 days")
        XCTAssertEqual(ReviewCadence.everyDays(60).nextDue(afterDoneOn: d("2027-01-15"), calendar: calendar), d("2027-03-16"))
        XCTAssertEqual(ReviewCadence.everyDays(1).nextDue(afterDoneOn: d("2026-12-31"), calendar: calendar), d("2027-01-01"))
    }

    func testTermlyIsDueByTheEndOfTheNextTermAcrossTermBoundaries() throws {
        let calendar = try calendar()
        // Done in the Autumn term 2026: next due by the end of the school's own Spring 2027.
        XCTAssertEqual(ReviewCadence.termly.nextDue(afterDoneOn: d("2026-10-01"), calendar: calendar), d("2027-03-26"))
        // Done on the last day of Autumn (Friday 18th: the placeholder 19th is a Saturday) still counts for Autumn.
        XCTAssertEqual(ReviewCadence.termly.nextDue(afterDoneOn: d("2026-12-18"), calendar: calendar), d("2027-03-26"))
        // Done in the Christmas holiday counts for Spring, so it is next due by the end of Summer.
        XCTAssertEqual(ReviewCadence.termly.nextDue(afterDoneOn: d("2026-12-28"), calendar: calendar), d("2027-07-21"))
        // Done in Summer: due by the end of the next school year's Autumn term.
        XCTAssertEqual(ReviewCadence.termly.nextDue(afterDoneOn: d("2027-06-10"), calendar: calendar), d("2027-12-17"),
                       "the placeholder 19 December 2027 is a Sunday, so the term ends on Friday 17th")
        // In the summer holiday: counts for Autumn, due by the end of Spring 2028 (the placeholder pattern).
        XCTAssertEqual(ReviewCadence.termly.nextDue(afterDoneOn: d("2027-08-10"), calendar: calendar), d("2028-03-31"))
    }

    func testStartOfSchoolYearIsTheNextAutumnTermStart() throws {
        var calendar = try calendar()
        try calendar.update(SchoolTerm(season: .autumn, academicYear: 2027, start: d("2027-09-02"), end: d("2027-12-17")))
        XCTAssertEqual(ReviewCadence.startOfSchoolYear.nextDue(afterDoneOn: d("2026-09-04"), calendar: calendar), d("2027-09-02"))
        // Signed in July still belongs to the 2026-27 school year.
        XCTAssertEqual(ReviewCadence.startOfSchoolYear.nextDue(afterDoneOn: d("2027-07-20"), calendar: calendar), d("2027-09-02"))
        // Signed on 1 August, the first day of the 2027-28 school year: next due in September 2028.
        XCTAssertEqual(ReviewCadence.startOfSchoolYear.nextDue(afterDoneOn: d("2027-08-01"), calendar: calendar), d("2028-09-01"))
        XCTAssertEqual(ReviewCadence.startOfSchoolYear.firstDue(startingOn: d("2027-08-20"), calendar: calendar), d("2027-09-02"))
        XCTAssertEqual(ReviewCadence.startOfSchoolYear.firstDue(startingOn: d("2027-11-01"), calendar: calendar), d("2027-11-01"),
                       "a store begun mid-year is not already overdue")
    }

    func testInMonthIsDueByTheMonthsLastDayIncludingLeapFebruary() throws {
        let calendar = try calendar()
        XCTAssertEqual(ReviewCadence.inMonth(2).nextDue(afterDoneOn: d("2026-02-10"), calendar: calendar), d("2027-02-28"))
        XCTAssertEqual(ReviewCadence.inMonth(2).nextDue(afterDoneOn: d("2027-03-01"), calendar: calendar), d("2028-02-29"))
        XCTAssertEqual(ReviewCadence.inMonth(2).nextDue(afterDoneOn: d("2027-01-20"), calendar: calendar), d("2027-02-28"),
                       "done early in January, February's week is still to come")
        XCTAssertEqual(ReviewCadence.inMonth(2).firstDue(startingOn: d("2027-11-25"), calendar: calendar), d("2028-02-29"))
        XCTAssertEqual(ReviewCadence.inMonth(4).nextDue(afterDoneOn: d("2026-04-30"), calendar: calendar), d("2027-04-30"))
    }

    func testTermLabelsReadAsThePoliciesWriteThem() throws {
        let calendar = try calendar()
        XCTAssertEqual(calendar.label(for: d("2026-11-25")), "Autumn 2026")
        XCTAssertEqual(calendar.label(for: d("2027-01-04")), "Spring 2027")
        XCTAssertEqual(calendar.label(for: d("2027-01-02")), "Christmas holiday 2026")
        XCTAssertEqual(calendar.label(for: d("2027-04-05")), "Easter holiday 2027")
        XCTAssertEqual(calendar.label(for: d("2027-08-17")), "Summer holiday 2027")
        XCTAssertEqual(calendar.label(for: d("2031-05-01")), "Summer 2031", "years not listed follow the placeholder pattern")
    }

    func testOverlappingOrBackwardTermDatesAreRefused() throws {
        var calendar = try calendar()
        XCTAssertThrowsError(try calendar.update(SchoolTerm(season: .spring, academicYear: 2026, start: d("2027-03-01"), end: d("2027-02-01"))))
        XCTAssertThrowsError(try calendar.update(SchoolTerm(season: .spring, academicYear: 2026, start: d("2026-12-01"), end: d("2027-03-26"))),
                             "Spring may not start inside Autumn")
    }

    func testCadenceSurvivesJSON() throws {
        let cadences: [ReviewCadence] = [.annual, .termly, .everyDays(45), .startOfSchoolYear, .inMonth(2)]
        let data = try JSONEncoder().encode(cadences)
        XCTAssertEqual(try JSONDecoder().decode([ReviewCadence].self, from: data), cadences)
        XCTAssertThrowsError(try JSONDecoder().decode(ReviewCadence.self, from: Data(#"{"kind":"inMonth","month":13}"#.utf8)))
    }
}
