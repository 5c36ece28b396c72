import Foundation
import XCTest
import TestSupport

/// Two people at two terminals on one store, through the real binary in tmux: the head teacher
/// at 80x24 and the e-safety lead at 100x30. Each saves, and each sees the other's change on
/// the screen with no key pressed; reports and exports run from the command line meanwhile.
final class TwoAppsEndToEndTests: XCTestCase {
    private func openApp(_ store: URL, width: Int, height: Int, term: String = "xterm-256color") throws -> TmuxSession {
        let binary = try esafetyBinary()
        return try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))",
                             width: width, height: height, term: term)
    }

    /// A demo store, the head teacher and the lead each signed in at their own terminal, each
    /// on the directory's list of people.
    private func twoAppsOnPeople(leadWidth: Int = 80, leadHeight: Int = 24, leadTerm: String = "xterm-256color")
        throws -> (store: URL, head: TmuxSession, lead: TmuxSession) {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let head = try openApp(store, width: 80, height: 24)
        let lead = try openApp(store, width: leadWidth, height: leadHeight, term: leadTerm)
        try head.signIn(as: "Amira Haddad")
        try lead.signIn(as: "Tom Whitfield")
        for app in [head, lead] {
            app.send(keys: "3")
            try app.waitFor("3  Who do I tell?")
            app.send(keys: "2")
            try app.waitFor("people in the directory")
        }
        return (store, head, lead)
    }

    func testEachSeesTheOthersChangeWithoutAKeyAndCommandsRunMeanwhile() throws {
        let (store, head, lead) = try twoAppsOnPeople(leadWidth: 100, leadHeight: 30, leadTerm: "linux")

        // The head teacher adds someone; the lead's list shows her with no key pressed.
        head.send(keys: "F7")
        try head.waitFor("Full name")
        head.type("Zoë Alpha")
        try head.waitFor("Zoë Alpha")
        head.send(keys: "F2")
        try head.waitUntil("the head's own save") { !$0.contains("Full name") }
        try lead.waitFor("Zoë Alpha", timeout: 15)

        // And the other way round.
        lead.send(keys: "F7")
        try lead.waitFor("Full name")
        lead.type("Ōkubo Beta")
        try lead.waitFor("Ōkubo Beta")
        lead.send(keys: "C-s")  // F2's other key
        try lead.waitUntil("the lead's own save") { !$0.contains("Full name") }
        try head.waitFor("Ōkubo Beta", timeout: 15)

        // Meanwhile the command line reads and exports as usual, audited.
        let passphrase = ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase]
        let report = try runEsafety(["report", "incident", "2026-0001", "--user", "Tom Whitfield", "--store", store.path], environment: passphrase)
        XCTAssertEqual(report.status, 0, report.standardError)
        XCTAssertTrue(report.standardOutput.contains("2026-0001"), report.standardOutput)
        let export = try runEsafety(["export", "incidents", "--format", "csv", "--user", "Amira Haddad", "--store", store.path],
                                    environment: passphrase)
        XCTAssertEqual(export.status, 0, export.standardError)

        for app in [head, lead] {
            app.send(keys: "F10")
            XCTAssertEqual(try app.waitForExit(), 0)
        }
        let check = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(check.status, 0, check.standardOutput)
        let people = try runEsafety(["export", "people", "--format", "csv", "--store", store.path])
        XCTAssertTrue(people.standardOutput.contains("Zoë Alpha") && people.standardOutput.contains("Ōkubo Beta"), people.standardOutput)
    }

    /// A form open on a record that another session changes says so before it saves, and a save
    /// then is refused naming who changed it, keeping what was typed; a second F2 keeps the typing.
    func testAFormOnARecordAnotherChangedIsToldAndKeepsTheTyping() throws {
        let (store, head, lead) = try twoAppsOnPeople()
        for app in [head, lead] {
            app.send(keys: "/")
            app.type("grace")
            try app.waitUntil("the list narrowed to Grace") { $0.contains("1 of ") }
            app.send(keys: "Enter")  // the only match opens at once
            try app.waitFor("Roles held")
            app.send(keys: "F4")
            try app.waitFor("Full name")
            app.send(keys: "Tab")
        }
        head.type(" (Deputy)")
        try head.waitFor("(Deputy)")
        head.send(keys: "F2")
        try head.waitUntil("the head's save") { !$0.contains("Full name") }
        lead.type(" (Year 6)")
        let warned = try lead.waitFor("Amira Haddad changed this at", timeout: 15)
        XCTAssertTrue(warned.contains("(Year 6)"), warned)
        lead.send(keys: "F2")
        let refused = try lead.waitFor("Not saved: Amira Haddad changed Grace Mensah's details at")
        XCTAssertTrue(refused.contains("(Year 6)"), "what was typed is still there: \(refused)")
        lead.send(keys: "F2")
        try lead.waitUntil("the lead's second save") { !$0.contains("Full name") }
        for app in [head, lead] {
            app.send(keys: "F10")
            XCTAssertEqual(try app.waitForExit(), 0)
        }
        let entries = try String(contentsOf: store.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertEqual(entries.components(separatedBy: "\"action\":\"person.update\"").count - 1, 2, "both saves are in the log")
        XCTAssertEqual(try runEsafety(["check", "--store", store.path]).status, 0)
    }
}
