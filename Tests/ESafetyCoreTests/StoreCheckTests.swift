import Foundation
import XCTest
@testable import ESafetyCore

final class StoreCheckTests: StoreTestCase {
    func testAHealthyStoreHasNoProblems() throws {
        let store = try makeStore()
        try store.save(["value": 1], to: "incidents/2026", actor: sam, action: "x", recordID: nil, summary: "")
        XCTAssertEqual(store.check(), [])
        XCTAssertEqual(try Store.open(at: storeURL, access: .readOnly).check(), [])
    }

    func testCheckFindsATruncatedFile() throws {
        let store = try makeStore()
        let whole = try bytes("people.json")
        try put(whole.prefix(40), at: "people.json")
        let problems = store.check().filter { $0.file == "people.json" }
        let truncated = try XCTUnwrap(problems.first { $0.problem.contains("ends too early") }, "\(problems)")
        XCTAssertTrue(truncated.problem.hasPrefix("line "), truncated.problem)
        XCTAssertTrue(truncated.description.hasPrefix("people.json: line "))
    }

    func testCheckFindsBadAuditLinesAndGapsInTheSequence() throws {
        let store = try makeStore()
        store.close()
        let lines = String(decoding: try bytes("audit.jsonl"), as: UTF8.self).split(separator: "\n")
        var entry = try StoreJSON.makeDecoder().decode(AuditEntry.self, from: Data(lines[1].utf8))
        entry.sequence = 5
        let skipped = String(decoding: try StoreJSON.makeLineEncoder().encode(entry), as: UTF8.self)
        let text = lines.joined(separator: "\n") + "\nthis is not json\n" + skipped + "\n"
        try put(Data(text.utf8), at: "audit.jsonl")
        let problems = Store.check(at: storeURL).filter { $0.file == "audit.jsonl" }
        XCTAssertEqual(problems.map(\.problem).count, 2, "\(problems)")
        XCTAssertTrue(problems[0].problem.hasPrefix("line 3 is not a valid audit entry"), problems[0].problem)
        XCTAssertEqual(problems[1].problem, "line 4 has sequence number 5 but 3 was expected after 2: entries 3 to 4 are missing")
    }

    func testCheckFindsAChangeThatIsNotInTheAuditLog() throws {
        let store = try makeStore()
        // As if esafety died after committing the document but before appending its entry:
        let later = Data("{\"people\": []}\n".utf8)
        _ = try StoreFileIO.replaceAtomically(path("people.json"), with: later)
        let future = Date().addingTimeInterval(120)
        try FileManager.default.setAttributes([.modificationDate: future], ofItemAtPath: path("people.json"))
        try put(Data("{}".utf8), at: "stray.json")
        XCTAssertEqual(chmod(path("stray.json"), 0o600), 0)
        let problems = store.check()
        XCTAssertTrue(problems.contains { $0.file == "people.json" && $0.problem.hasPrefix("was changed outside esafety") },
                      "\(problems)")
        XCTAssertTrue(problems.contains { $0.file == "stray.json" && $0.problem.hasPrefix("is not accounted for by any entry") },
                      "\(problems)")
    }

    func testCheckOfAMissingFolderOrAFolderWithoutManifest() throws {
        XCTAssertEqual(Store.check(at: storeURL), [StoreProblem(file: storeURL.path, problem: "the folder does not exist")])
        try FileManager.default.createDirectory(at: storeURL, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        XCTAssertEqual(Store.check(at: storeURL),
                       [StoreProblem(file: "manifest.json", problem: "missing, so this folder is not an esafety store")])
    }
}
