import Foundation
import XCTest
@testable import ESafetyCore

final class StoreJSONTests: XCTestCase {
    func testDatesRoundTripToTheSecond() throws {
        for seconds in [0.0, 1_795_000_000, 951_782_400 /* 2000-02-29 */, -86_401, 4_102_444_799] {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(StoreJSON.date(from: StoreJSON.string(from: date)), date, "\(seconds)")
        }
        XCTAssertEqual(StoreJSON.string(from: Date(timeIntervalSince1970: 1_795_000_000.999)), "2026-11-18T11:06:40Z")
        XCTAssertEqual(StoreJSON.string(from: Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00Z")
        XCTAssertEqual(StoreJSON.string(from: Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59Z")
    }

    func testParsingAcceptsFractionsAndOffsetsAndRejectsNonsense() {
        XCTAssertEqual(StoreJSON.date(from: "2026-11-18T11:06:40.5Z")?.timeIntervalSince1970, 1_795_000_000.5)
        XCTAssertEqual(StoreJSON.date(from: "2026-11-18T12:06:40+01:00")?.timeIntervalSince1970, 1_795_000_000)
        XCTAssertEqual(StoreJSON.date(from: "2026-11-18T06:06:40-0500")?.timeIntervalSince1970, 1_795_000_000)
        for bad in ["", "2026-11-18", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-18T24:00:00Z",
                    "2026-11-18T11:06:40", "2026-11-18T11:06:40Zjunk", "yesterday"] {
            XCTAssertNil(StoreJSON.date(from: bad), bad)
        }
    }

    func testDocumentEncodingIsPrettySortedAndKeepsSlashes() throws {
        struct Sample: Codable { var zeta = 1; var alpha = "a/b"; var when = Date(timeIntervalSince1970: 0) }
        let text = String(decoding: try StoreJSON.makeEncoder().encode(Sample()), as: UTF8.self)
        XCTAssertEqual(text, "{\n  \"alpha\" : \"a/b\",\n  \"when\" : \"1970-01-01T00:00:00Z\",\n  \"zeta\" : 1\n}")
    }

    func testByteOffsetToLineAndColumnCountsCharactersNotBytes() {
        let data = Data("ab\nZoë x\n".utf8)
        XCTAssertEqual(StoreJSONDiagnostics.lineAndColumn(offset: 0, in: data).line, 1)
        let offsetOfX = Array("ab\nZoë ".utf8).count
        let position = StoreJSONDiagnostics.lineAndColumn(offset: offsetOfX, in: data)
        XCTAssertEqual(position.line, 2)
        XCTAssertEqual(position.column, 5)
    }
}
