import ESafetyCore
import Foundation
import XCTest
@testable import ESafetyApp

/// Help text has one source: `AppContext.help`, reading every `Resources/help/*.json` file.
@MainActor
final class HelpTextTests: XCTestCase {
    func testEveryHelpFileIsReadAndNoKeyIsWrittenTwice() async throws {
        XCTAssertEqual(Set(AppContext.helpFiles), ["help/aup.json", "help/policy.json", "help/screens.json"])
        var seen: [String: String] = [:]
        for path in AppContext.helpFiles {
            for (key, text) in try DefaultResources.decode([String: String].self, from: path) {
                XCTAssertNil(seen[key], "\(key) is in \(seen[key] ?? "") and \(path)")
                XCTAssertFalse(text.isEmpty, "\(key) in \(path) is empty")
                seen[key] = path
                XCTAssertEqual(AppContext.helpTexts[key], text)
            }
        }
    }

    /// Every key a screen asks for (`help("key")`, written literally) has a paragraph.
    func testEveryHelpKeyTheScreensAskForHasAText() async throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ESafetyApp").standardized
        let files = try XCTUnwrap(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        let asked = try Regex(#"help\((?:[^()"]*\?\s*)?"([a-z-]+)"(?:\s*:\s*"([a-z-]+)")?"#)
        var keys: Set<String> = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: asked) {
                for index in 1..<match.output.count {
                    if let key = match.output[index].substring { keys.insert(String(key)) }
                }
            }
        }
        XCTAssertGreaterThan(keys.count, 60, "the screens' help keys are found")
        for key in keys.sorted() { XCTAssertNotNil(AppContext.helpTexts[key], "no help text for \(key)") }
    }
}
