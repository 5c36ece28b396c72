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

    func testTheByteScanAgreesWithTheCharacterTestForEveryScalarUpToU3000() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "a" + String(Character(scalar)) + "b"
            let clean = text.withUTF8 { TerminalText.isClean($0, allowingCRLF: true) }
            XCTAssertEqual(clean, !TerminalText.isUnsafe(scalar), String(format: "U+%04X", value))
        }
        var crlf = "line\r\n", cr = "line\r"
        XCTAssertTrue(crlf.withUTF8 { TerminalText.isClean($0, allowingCRLF: true) })
        XCTAssertFalse(crlf.withUTF8 { TerminalText.isClean($0, allowingCRLF: false) })
        XCTAssertFalse(cr.withUTF8 { TerminalText.isClean($0, allowingCRLF: true) })
    }

    func testCSVFieldsAreQuotedAndDefusedAsBefore() {
        XCTAssertEqual(CSVWriter.field("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(CSVWriter.field("O'Brien, Siân"), "\"O'Brien, Siân\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.field("plain"), "plain")
    }
}
