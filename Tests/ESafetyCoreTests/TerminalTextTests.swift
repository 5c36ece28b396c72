import XCTest
@testable import ESafetyCore

final class TerminalTextTests: XCTestCase {
    func testEscapesColoursTitlesAndOverridesBecomeQuestionMarks() {
        XCTAssertEqual(TerminalText.safe("a\u{1B}[31mred\u{07}"), "a?[31mred?")
        XCTAssertEqual(TerminalText.safe("\u{1B}]0;owned\u{07}"), "?]0;owned?")
        XCTAssertEqual(TerminalText.safe("abc\u{202E}fed"), "abc?fed")
        XCTAssertEqual(TerminalText.safe("x\u{9B}2J"), "x?2J")
    }

    func testLineFeedsTabsAndCRLFLineEndsAreKeptButALoneCarriageReturnIsNot() {
        XCTAssertEqual(TerminalText.safe("one\ttwo\nthree"), "one\ttwo\nthree")
        XCTAssertEqual(TerminalText.safe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        XCTAssertEqual(TerminalText.safe("Fine\rHidden"), "Fine?Hidden")
        XCTAssertEqual(TerminalText.safe("end\r"), "end?")
    }

    func testJSONEscapingKeepsTheTextButNotTheControl() throws {
        let json = TerminalText.jsonEscaped("{\"name\":\"a\u{1B}[2Jb\"}")
        XCTAssertFalse(json.unicodeScalars.contains("\u{1B}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        XCTAssertEqual(decoded?["name"], "a\u{1B}[2Jb")
    }
}
