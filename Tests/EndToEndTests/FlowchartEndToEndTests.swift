import Foundation
import XCTest
import TestSupport

/// The response flowchart through tmux on the built binary, and `esafety flowchart check|dot`.
final class FlowchartEndToEndTests: XCTestCase {
    func testWalkIllegalActivityInvolvingAChildFromADemoIncidentThenFindTheWalkInTheExportAndReport() throws {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path])
        XCTAssertEqual(created.status, 0, created.standardError)
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))")
        try app.signIn(as: "Tom Whitfield")
        try app.waitFor("1  Incidents")
        app.send(keys: "1")
        try app.waitFor("2  Incident log")
        app.send(keys: "2")
        try app.waitFor("of 3 incidents")
        app.send(keys: "Enter")
        try app.waitFor("E-safety Incident Report Form")
        app.send(keys: "w")
        let first = try app.waitFor("1. Is a member of staff the instigator")
        let id = try XCTUnwrap(first.components(separatedBy: "Flowchart for ").dropFirst().first?.prefix(9)).description
        XCTAssertTrue(first.contains("Path: Act now › Head told › Staff instigator?"), first)
        app.send(keys: "2")
        try app.waitFor("2. Is a member of staff a victim?")
        app.send(keys: "2")
        try app.waitFor("3. Is a child involved")
        app.send(keys: "1")
        try app.waitFor("4. Did the issue come into school from home?")
        app.send(keys: "1")
        let kind = try app.waitFor("5. What kind of activity is it")
        XCTAssertTrue(kind.contains("Illegal: one of the four kinds the police are told about"), kind)
        app.send(keys: "F4")
        try app.waitFor("Answer: Illegal")
        app.type("Adult asked the pupil for images")
        app.send(keys: "F2")
        try app.waitFor("6. Will the parents or carers be informed?")
        app.send(keys: "1")
        try app.waitFor("Outcome: A child was involved")
        app.send(keys: "F2")
        try app.waitFor("Walk 1 kept with \(id)")
        app.send(keys: "Down", "Down", "Down", "Down", "Down")
        let last = try app.waitFor("Police: Demo contact (fictional) 01632 960999")
        XCTAssertTrue(last.contains("Refer directly to the police"), last)
        app.send(keys: "Space")
        try app.waitFor("Ticked: Refer directly to the police")
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)

        let csv = try runEsafety(["export", "incidents", "--format", "csv", "--store", store.path, "--user", "Tom Whitfield"], environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertEqual(csv.status, 0, csv.standardError)
        for text in ["flowchart_walks", "Act now › Head told › Staff instigator? No › Staff victim? No › Child involved? Yes",
                     "Illegal or inappropriate? Illegal: one of the four kinds the police are told about › Police",
                     "What kind of activity is it: illegal, radicalisation, inappropriate, or none of these? Illegal: one of the four kinds the police are told about (reason: Adult asked the pupil for images)",
                     "[x] Refer directly to the police"] {
            XCTAssertTrue(csv.standardOutput.contains(text), "the export lacks \(text)")
        }
        let json = try runEsafety(["export", "incidents", "--store", store.path, "--user", "Tom Whitfield"], environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertTrue(json.standardOutput.contains("\"walks\""), json.standardOutput)
        XCTAssertTrue(json.standardOutput.contains("\"optionID\" : \"illegal\""), json.standardOutput)

        let report = try runEsafety(["report", "incident", id, "--store", store.path, "--user", "Tom Whitfield"], environment: ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase])
        XCTAssertEqual(report.status, 0, report.standardError)
        for text in ["Response flowchart", "Path: Act now › Head told", "Answers:", "Reason: Adult asked the pupil for images",
                     "Outcome: A child was involved", "Police: Demo contact (fictional)  01632 960999",
                     "[x] Incident reported to police"] {
            XCTAssertTrue(report.standardOutput.contains(text), "the report lacks \(text):\n\(report.standardOutput)")
        }
    }

    func testFlowchartCheckNamesEachBrokenStepAndExitsNonZero() throws {
        let folder = try makeTemporaryStore()
        let file = folder.appendingPathComponent("broken.json")
        try """
        {"id": "broken", "title": "Broken", "version": 1, "start": "q", "sources": [], "steps": [
          {"id": "q", "kind": "question", "title": "Which?", "policyText": "P", "source": "S", "options": [
            {"id": "a", "label": "A", "next": "end"}, {"id": "b", "label": "B", "next": "missing-step"}, {"id": "c", "label": "C", "next": "spin"}]},
          {"id": "spin", "kind": "action", "title": "Round", "actions": [{"id": "x", "text": "X"}], "next": "again"},
          {"id": "again", "kind": "question", "title": "Again?", "policyText": "P", "source": "S", "options": [{"id": "y", "label": "Y", "next": "spin"}]},
          {"id": "island", "kind": "outcome", "title": "Never reached"},
          {"id": "end", "kind": "outcome", "title": "End"}]}
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try runEsafety(["flowchart", "check", file.path])
        XCTAssertEqual(result.status, 1)
        let out = result.standardOutput
        XCTAssertTrue(out.contains("step q: option \"b\" leads to \"missing-step\", which does not exist"), out)
        XCTAssertTrue(out.contains("step island: no path from the start (q) reaches this step"), out)
        XCTAssertTrue(out.contains("step spin: a loop with no way out: spin, again"), out)
        XCTAssertTrue(out.contains("3 problems found"), out)

        let sound = try runEsafety(["flowchart", "check", "--store", folder.appendingPathComponent("none").path])
        XCTAssertEqual(sound.status, 0, sound.standardOutput)
        XCTAssertTrue(sound.standardOutput.contains("OK: the built-in flowchart is sound"), sound.standardOutput)
        let dot = try runEsafety(["flowchart", "dot", file.path])
        XCTAssertEqual(dot.status, 0, dot.standardError)
        XCTAssertTrue(dot.standardOutput.contains("\"again\" -> \"spin\""), dot.standardOutput)
    }
}
