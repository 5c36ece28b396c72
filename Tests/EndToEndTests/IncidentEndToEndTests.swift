import Foundation
import XCTest
import TestSupport

/// The incident report form through tmux on the built binary, using only the keyboard.
final class IncidentEndToEndTests: XCTestCase {
    /// Opens the app: the first time on a store it completes the first run's set-up as "Sam
    /// Office", the head teacher (who may read incidents); later it signs in as them.
    private func openApp(store: URL, firstTime: Bool = true) throws -> TmuxSession {
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))")
        if firstTime { try app.completeSetUp() } else { try app.signIn(as: "Sam Office", passphrase: "office passphrase") }
        return app
    }

    /// Home › Incidents › Record an incident, and step 1 of the form.
    private func startForm(_ app: TmuxSession) throws { try app.openIncidentForm() }

    private func fillStepOne(_ app: TmuxSession, date: String) throws {
        app.type(date)
        app.send(keys: "Tab")
        app.type("09:30")
        app.send(keys: "Tab")
        app.type("Zoë Ōkubo")
        app.send(keys: "Tab")
        app.type("Year 5 teacher")
        app.send(keys: "Tab", "Tab", "Space")
        try app.waitFor("(•) In school")
    }

    func testCompleteTheWholeFormByKeyboardThenFindItInTheLogExportAndReport() throws {
        let store = try makeTemporaryStore()
        let unique = "Pupil found a proxy site on a laptop \(UUID().uuidString.prefix(8))"
        let app = try openApp(store: store)
        try startForm(app)
        try fillStepOne(app, date: "20/11/2026")
        app.send(keys: "F6")
        try app.waitFor("Step 2 of 9: Who was involved")
        app.type("Arlo Baptiste")
        app.send(keys: "F6")
        try app.waitFor("Step 3 of 9: Type of incident")
        app.send(keys: "Down", "Space")
        try app.waitFor("[x] Deliberately bypassing security or access")
        app.send(keys: "F6")
        try app.waitFor("Step 4 of 9: Description of incident")
        app.type(unique)
        app.send(keys: "F6")
        try app.waitFor("Step 5 of 9: Nature of incident")
        app.send(keys: "Space")
        try app.waitFor("(•) Deliberate access")
        app.send(keys: "Tab", "Down", "Space")
        try app.waitFor("[x] viewed")
        app.send(keys: "F6")
        try app.waitFor("Step 6 of 9: Action taken: staff")
        app.send(keys: "Space")
        // Who ticked it, and when: on its own row when it does not fit beside the label, whole.
        try app.waitUntil("the tick and who made it") { $0.contains("[x] Incident reported to head teacher/E-Safety lead") && $0.contains("    by Zoë") }
        app.send(keys: "Tab")
        app.type("Laptop taken to the office")
        app.send(keys: "F6")
        try app.waitFor("Step 7 of 9: Action taken: child/young person")
        app.send(keys: "Down", "Down", "Down", "Down", "Down", "Space")
        try app.waitFor("[x] Child's parents informed")
        app.send(keys: "F6")
        try app.waitFor("Step 8 of 9: Outcome")
        app.send(keys: "F6")
        try app.waitFor("Complete. Read it through")
        app.send(keys: "F2")
        let receipt = try app.waitFor("Reference: 20")
        let id = try XCTUnwrap(receipt.split(separator: "\n").first { $0.contains("Reference: ") }?
            .components(separatedBy: "Reference: ").last?.trimmingCharacters(in: .whitespaces))
        app.send(keys: "Enter")
        try app.waitFor("2  Incident log")
        app.send(keys: "2")
        let logScreen = try app.waitFor(id)
        XCTAssertTrue(logScreen.contains("Deliberately bypassing security"), logScreen)
        XCTAssertTrue(logScreen.contains("open"), logScreen)
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)

        let exported = try runEsafety(["export", "incidents", "--format", "csv", "--store", store.path, "--user", "Sam Office"], environment: ["ESAFETY_PASSPHRASE": "office passphrase"])
        XCTAssertEqual(exported.status, 0, exported.standardError)
        XCTAssertTrue(exported.standardOutput.contains(unique), exported.standardOutput)
        let json = try runEsafety(["export", "incidents", "--store", store.path, "--user", "Sam Office"], environment: ["ESAFETY_PASSPHRASE": "office passphrase"])
        XCTAssertTrue(json.standardOutput.contains(unique))

        let report = try runEsafety(["report", "incident", id, "--store", store.path, "--user", "Sam Office"], environment: ["ESAFETY_PASSPHRASE": "office passphrase"])
        XCTAssertEqual(report.status, 0, report.standardError)
        for section in ["School/organisation's details", "Details of incident", "Date happened: 20/11/2026", "Time: 09:30",
                        "Name of person reporting incident: Zoë Ōkubo, Year 5 teacher", "Where did the incident occur?",
                        "[x] In school/service setting", "Who was involved in the incident?", "[x] child/young person  (Arlo Baptiste)",
                        "Type of incident", "[x] Deliberately bypassing security or access", "Description of incident", unique,
                        "Nature of incident", "Deliberate access  [x]", "[x] viewed", "Action taken",
                        "[x] Incident reported to head teacher/E-Safety lead  (Zoë Ōkubo,", "Laptop taken to the office",
                        "[x] Child's parents informed", "Outcome of incident/investigation"] {
            XCTAssertTrue(report.standardOutput.contains(section), "report lacks \(section):\n\(report.standardOutput)")
        }
    }

    func testAKilledFormIsOfferedBackWithWhatWasTyped() throws {
        let store = try makeTemporaryStore()
        let app = try openApp(store: store)
        try startForm(app)
        try fillStepOne(app, date: "19/11/2026")
        app.send(keys: "F6")
        try app.waitFor("Step 2 of 9")
        app.type("Mia Kowalczyk")
        try app.waitFor("Mia Kowalczyk")
        // Drafts are saved when typing pauses (half a second), not at every key.
        try app.waitFor("Draft saved")
        try app.signalProgram("KILL")
        XCTAssertEqual(try app.waitForExit(), 137, "esafety was killed with SIGKILL")

        let again = try openApp(store: store, firstTime: false)
        try again.waitFor("1  Incidents")
        again.send(keys: "1")
        try again.waitFor("1  Record an incident")
        again.send(keys: "1")
        try again.waitFor("You have an unfinished incident report")
        again.send(keys: "y")
        let resumed = try again.waitFor("Step 2 of 9: Who was involved")
        XCTAssertTrue(resumed.contains("Mia Kowalczyk"), resumed)
        again.send(keys: "F5")
        let first = try again.waitFor("Step 1 of 9")
        XCTAssertTrue(first.contains("19/11/2026"), first)
        XCTAssertTrue(first.contains("Zoë Ōkubo"), first)
        XCTAssertTrue(first.contains("Year 5 teacher"), first)
        again.send(keys: "F10")
        XCTAssertEqual(try again.waitForExit(), 0)
    }

    func testAnImpossibleDateAndAMissingFieldAreRefusedAtTheField() throws {
        let store = try makeTemporaryStore()
        let app = try openApp(store: store)
        try startForm(app)
        app.type("31/02/2026")
        app.send(keys: "Tab")
        try app.waitFor("February 2026 has 28 days")
        app.send(keys: "F6")
        let refused = try app.waitFor("Please correct the fields marked in red")
        XCTAssertTrue(refused.contains("Step 1 of 9"), "the form stays on the step")
        XCTAssertTrue(refused.contains("is required"), refused)
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }
}
