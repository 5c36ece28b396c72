import Foundation
import XCTest
import TestSupport

/// Retention through the built binary on a demo store, its clock moved on with ESAFETY_TODAY.
final class RetentionEndToEndTests: XCTestCase {
    /// No file or backup copy of the record is left, the audit log has its tombstone, and the store checks sound.
    private func assertDestroyed(_ id: String, in store: URL, reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let leftovers = FileManager.default.enumerator(atPath: store.path)!.compactMap { $0 as? String }.filter { ($0 as NSString).lastPathComponent == id + ".json" }
        XCTAssertEqual(leftovers, [], "no file and no backup copy", file: file, line: line)
        let audit = try String(contentsOf: store.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("past retention: \(reason)"), "the tombstone", file: file, line: line)
        let check = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(check.status, 0, check.standardOutput + check.standardError, file: file, line: line)
    }

    func testARecordPastRetentionIsListedAndDestroyedLeavingATombstone() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let lead = ["--store", store.path, "--user", "Tom Whitfield"]
        let env = ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase, "ESAFETY_TODAY": "2046-01-02"]
        let list = try runEsafety(["retention", "list"] + lead, environment: env)
        XCTAssertEqual(list.status, 0, list.standardError)
        XCTAssertTrue(list.standardOutput.contains("Zoë Ōkubo: born 01/01/2021, retention ended 01/01/2046"), list.standardOutput)
        XCTAssertFalse(list.standardOutput.contains("2026-0002"), "Amir and Bea are not 25 yet: \(list.standardOutput)")

        let early = try runEsafety(["retention", "destroy", "2026-0002", "--reason", "review"] + lead, environment: env)
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.standardError.contains("is not past retention"), early.standardError)
        let office = try runEsafety(["retention", "destroy", "2026-0001", "--reason", "review", "--store", store.path, "--user", "Siobhán Byrne"],
                                    environment: env)
        XCTAssertTrue(office.standardError.contains("destroy records past retention"), office.standardError)

        let destroyed = try runEsafety(["retention", "destroy", "2026-0001", "--reason", "Retention review January 2046"] + lead, environment: env)
        XCTAssertEqual(destroyed.status, 0, destroyed.standardError)
        XCTAssertTrue(destroyed.standardOutput.hasPrefix("Destroyed incident 2026-0001 (recorded "), destroyed.standardOutput)
        try assertDestroyed("2026-0001", in: store, reason: "Retention review January 2046")
        let after = try runEsafety(["retention", "list"] + lead, environment: env)
        XCTAssertFalse(after.standardOutput.contains("2026-0001"), after.standardOutput)
    }

    func testTheAppDestroysARecordPastRetentionWithAReasonAndTheStoreStaysSound() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))",
                                environment: ["ESAFETY_TODAY": "2047-01-01"])
        try app.signIn(as: "Tom Whitfield")
        app.send(keys: "1")
        try app.waitFor("Records past retention")
        app.send(keys: "7")
        try app.waitFor("01/01/2021")  // Zoë Ōkubo's date of birth, beside the day her record could go
        try app.waitFor("01/01/2046")
        app.send(keys: "d")
        try app.waitFor("Destroy incident 2026-0001")
        app.type("Retention review January 2047")
        app.send(keys: "F2")
        try app.waitFor("Destroy incident 2026-0001 for good?")
        app.send(keys: "y")
        try app.waitFor("Destroyed incident 2026-0001 (recorded ")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)

        try assertDestroyed("2026-0001", in: store, reason: "Retention review January 2047")
    }
}
