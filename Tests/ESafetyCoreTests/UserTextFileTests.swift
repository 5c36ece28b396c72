@testable import ESafetyCore
import XCTest

/// Files the user names (a roster to import, an AUP text to publish) are read by the domain,
/// with one message whatever went wrong.
final class UserTextFileTests: XCTestCase {
    func testReadsAFileAndNamesIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-text-\(UUID().uuidString).txt")
        try Data("Zoë\n".utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        let file = try UserTextFile.read(url.path)
        XCTAssertEqual(file.text, "Zoë\n")
        XCTAssertEqual(file.name, url.lastPathComponent)
    }

    func testAMissingOrNonUTF8FileHasOneMessage() throws {
        XCTAssertThrowsError(try UserTextFile.read("/nonexistent/roster.csv")) { error in
            XCTAssertEqual(String(describing: error), "Cannot read /nonexistent/roster.csv as UTF-8 text.")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-latin1-\(UUID().uuidString).csv")
        try Data([0x5A, 0x6F, 0xEB, 0x0A]).write(to: url)  // "Zoë" in Latin-1
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try UserTextFile.read(url.path)) { error in
            XCTAssertEqual(error as? UserTextFileError, UserTextFileError(path: url.path))
        }
    }
}
