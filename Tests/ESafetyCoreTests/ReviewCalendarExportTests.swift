import CivilTime
@testable import ESafetyCore
import Foundation
import XCTest

/// The iCalendar text: escaping, folding at 75 octets, CRLF.
final class ReviewCalendarExportTests: XCTestCase {
    func testEscapesTextValues() {
        XCTAssertEqual(ReviewCalendarExport.escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne")
    }

    func testFoldsLongLinesAt75OctetsWithoutSplittingCharacters() {
        let line = "DESCRIPTION:" + String(repeating: "Zoë Ōkubo 李 ", count: 20)
        let folded = ReviewCalendarExport.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(parts.count, 3)
        XCTAssertTrue(parts.allSatisfy { $0.utf8.count <= 75 }, parts.map { "\($0.utf8.count)" }.joined(separator: ","))
        XCTAssertTrue(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        XCTAssertEqual(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), line)
    }

    func testOneAllDayEventPerItemWithCRLF() throws {
        let calendar = SchoolCalendar.placeholder(academicYears: 2025...2028)
        let schedule = try DefaultReviewSchedule.make(start: try CivilDate.parse("2026-11-25").get(), calendar: calendar)
        let list = schedule.dueList(calendar: calendar, today: try CivilDate.parse("2026-11-25").get())
        let text = ReviewCalendarExport.iCalendar(list, calendar: calendar, roleName: { $0 }, schoolName: "Test, School",
                                                  stamp: Date(timeIntervalSince1970: 1_790_000_000))
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        XCTAssertEqual(text.components(separatedBy: "BEGIN:VEVENT").count - 1, list.count)
        XCTAssertTrue(text.contains("DTSTART;VALUE=DATE:20261125\r\n"))
        XCTAssertTrue(text.contains("DTSTAMP:20260921T"))
        XCTAssertTrue(text.contains("X-WR-CALNAME:E-safety reviews: Test\\, School"))
    }
}
