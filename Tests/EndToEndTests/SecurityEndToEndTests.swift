import Foundation
import XCTest
import TestSupport

/// The shared terminal's protections through the built binary: the idle lock, wrong
/// passphrases, the audit chain checked by `esafety check`, and exports needing a lead.
final class SecurityEndToEndTests: XCTestCase {
    private func demoStore(environment: [String: String] = [:]) throws -> URL {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path], environment: environment)
        XCTAssertEqual(created.status, 0, created.standardError)
        XCTAssertTrue(created.standardOutput.contains("Recovery key (shown once):"), created.standardOutput)
        return store
    }

    /// `--lock-after` for the idle-lock test: at least five times a step of the test.
    private static let idleLockSeconds = 10

    func testTheIdleLockClearsTheScreenAndKeepsTheDraft() throws {
        let store = try demoStore()
        let binary = try esafetyBinary()
        // The lock's delay is the point, so it is many times the step it measures (the test's
        // few seconds of typing and waiting for the screen on a loaded machine), else the lock
        // could come before the date is typed.
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --lock-after \(Self.idleLockSeconds) --store \(TmuxSession.quote(store.path))")
        try app.signIn(as: "Tom Whitfield")
        app.send(keys: "1")
        try app.waitFor("1  Record an incident")
        app.send(keys: "1")
        try app.waitFor("Step 1 of 9")
        app.type("24/11/2026")
        try app.waitFor("24/11/2026")
        let locked = try app.waitFor("Locked after \(Self.idleLockSeconds) seconds without a key", timeout: TimeInterval(Self.idleLockSeconds * 6))
        XCTAssertFalse(locked.contains("24/11/2026"), "nothing of the form stays on screen:\n\(locked)")
        XCTAssertFalse(locked.contains("Incidents"), locked)
        XCTAssertTrue(locked.contains("not signed in"), locked)
        // Signing in again gives the same screen back, with what was typed in it.
        try app.signIn(as: "Tom Whitfield")
        let back = try app.waitFor("Your work is as you left it")
        XCTAssertTrue(back.contains("Step 1 of 9") && back.contains("24/11/2026"), back)
        app.send(keys: "Escape")
        try app.waitFor("Your unfinished report is kept")
        app.send(keys: "1")
        try app.waitFor("You have an unfinished incident report")
        app.send(keys: "y")
        try app.waitFor("24/11/2026")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }

    func testWrongPassphrasesSlowSignInDown() throws {
        // ESAFETY_TODAY stops the clock at noon, so the 2 s wait after the fifth wrong passphrase
        // is still in force when the right one is typed, however slowly a loaded machine types.
        let frozenClock = ["ESAFETY_TODAY": "2026-11-25"]
        let store = try demoStore(environment: frozenClock)
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", environment: frozenClock)
        try app.waitFor("Who are you?")
        app.send(keys: "/")
        app.type("Grace")
        app.send(keys: "Enter")  // the only match opens at once
        for attempt in 1...5 {
            try app.waitFor("Passphrase for Grace Mensah")
            app.type("not the passphrase \(attempt)")
            app.send(keys: "Enter")
            try app.waitFor(attempt < 4 ? "Wrong passphrase: \(4 - attempt) more tries" : "each further try must now wait longer")
        }
        app.type(TmuxSession.demoPassphrase)
        app.send(keys: "Enter")
        try app.waitFor("Too many wrong passphrases: wait")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }

    func testCheckNamesAnEditedAuditEntryAndExportsNeedALead() throws {
        let store = try demoStore()
        XCTAssertEqual(try runEsafety(["check", "--store", store.path]).status, 0)

        let refused = try runEsafety(["export", "incidents", "--store", store.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("sign in with --user"), refused.standardError)
        let office = try runEsafety(["export", "incidents", "--store", store.path, "--user", "Siobhán Byrne"],
                                    environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertNotEqual(office.status, 0)
        XCTAssertTrue(office.standardError.contains("may not export"), office.standardError)
        let lead = try runEsafety(["export", "incidents", "--store", store.path, "--user", "Tom Whitfield"],
                                  environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertEqual(lead.status, 0, lead.standardError)
        let log = try String(contentsOf: store.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(log.contains("\"action\":\"incident.export\""), "the export itself is audited")

        // Change one byte of entry 5.
        var lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = 4
        let summary = try XCTUnwrap(lines[target].range(of: "\"summary\":\""))
        var line = lines[target]
        let index = line.index(summary.upperBound, offsetBy: 0)
        line.replaceSubrange(index...index, with: line[index] == "X" ? "Y" : "X")
        lines[target] = line
        try Data(lines.joined(separator: "\n").utf8).write(to: store.appendingPathComponent("audit.jsonl"))
        let check = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(check.status, 1, check.standardOutput)
        XCTAssertTrue(check.standardOutput.contains("audit.jsonl: entry 5 (line 5) was changed after it was written"), check.standardOutput)
    }
}
