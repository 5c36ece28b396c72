import Foundation
import XCTest
import TestSupport

/// The review schedule through the built binary: marked done in the app through tmux, listed
/// and exported from the command line. `ESAFETY_TODAY` fixes the day so the dates are known.
final class ReviewsEndToEndTests: XCTestCase {
    private let today = ["ESAFETY_TODAY": "2026-11-25"]

    private func demoStore() throws -> URL {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path], environment: today)
        XCTAssertEqual(created.status, 0, created.standardError)
        return store
    }

    /// The dashboard part of the home screen: what is above the contacts.
    private func dashboard(_ screen: String) -> String { screen.components(separatedBy: "Who to tell").first ?? screen }

    func testMarkTheAnnualPolicyReviewDoneAndTheDashboardMovesOn() throws {
        let store = try demoStore()
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", environment: today)
        try app.signIn(as: "Tom Whitfield")
        let home = try app.waitFor("35 days overdue   Annual policy review with governors")
        XCTAssertTrue(home.contains("3  Role directory"), home)

        // The lead's first dashboard line is what is new to him; the review is the next.
        app.send(keys: "Tab", "Down", "Enter")
        let item = try app.waitFor("History (2), newest first")
        XCTAssertTrue(item.contains("Next due    21/10/2026 (Autumn 2026), 35 days overdue"), item)
        app.send(keys: "F5")
        try app.waitFor("Date done")
        app.send(keys: "Tab", "Tab")
        app.type("Reviewed with the full governing body")
        app.send(keys: "Tab")
        app.type("FGB minutes item 4")
        try app.waitFor("FGB minutes item 4")
        app.send(keys: "F2")
        let saved = try app.waitFor("History (3), newest first")
        XCTAssertTrue(saved.contains("Next due    25/11/2027 (Autumn 2027), due in 52 weeks"), saved)
        XCTAssertTrue(saved.contains("25/11/2026  Done by Tom Whitfield"), saved)
        XCTAssertTrue(saved.contains("Reviewed with the full governing body"), saved)
        XCTAssertTrue(saved.contains("Evidence: FGB minutes item 4"), saved)

        app.send(keys: "Escape")
        let after = try app.waitUntil("the home screen without the policy review overdue") {
            $0.contains("6  Settings") && $0.contains("15 days overdue")
        }
        XCTAssertFalse(dashboard(after).contains("Annual policy review"), after)
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)

        // The command line agrees, from the saved store.
        let due = try runEsafety(["reviews", "--due", "--store", store.path], environment: today)
        XCTAssertEqual(due.status, 0, due.standardError)
        XCTAssertTrue(due.standardOutput.contains("1 overdue."), due.standardOutput)
        XCTAssertFalse(due.standardOutput.contains("Annual policy review"), due.standardOutput)
        let all = try runEsafety(["reviews", "--store", store.path], environment: today)
        let line = try XCTUnwrap(all.standardOutput.split(separator: "\n").first { $0.contains("Annual policy review") })
        XCTAssertTrue(line.hasPrefix("25/11/2027  Autumn 2027"), String(line))
        XCTAssertTrue(line.contains("last done 25/11/2026"), String(line))
    }

    func testTheICalendarFileIsReadByAnIndependentParser() throws {
        let store = try demoStore()
        let file = store.appendingPathComponent("reviews.ics")
        let written = try runEsafety(["reviews", "--ics", file.path, "--store", store.path], environment: today)
        XCTAssertEqual(written.status, 0, written.standardError)
        XCTAssertTrue(written.standardOutput.contains("Wrote 12 events"), written.standardOutput)

        let data = try Data(contentsOf: file)
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.last, "", "the file ends with CRLF")
        XCTAssertFalse(lines.contains { $0.contains("\n") || $0.contains("\r") }, "every line ends in CRLF")
        XCTAssertTrue(lines.allSatisfy { $0.utf8.count <= 75 }, "lines are folded at 75 octets")

        let script = """
            import json, sys
            try:
                import icalendar
            except ImportError:
                sys.exit(77)
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = []
            for event in cal.walk('VEVENT'):
                start = event.decoded('DTSTART')
                events.append({'uid': str(event['UID']), 'summary': str(event['SUMMARY']),
                               'description': str(event['DESCRIPTION']), 'start': start.isoformat(),
                               'allDay': type(start).__name__ == 'date', 'stamp': event.decoded('DTSTAMP').isoformat()})
            print(json.dumps({'prodid': str(cal['PRODID']), 'version': str(cal['VERSION']), 'events': events}))
            """
        let result = try runPython(script: script, arguments: [file.path])
        if result.status == 77 || result.status == 127 {
            throw XCTSkip("python3 with the icalendar package is needed to parse the .ics independently (.ci/run installs it: pip install icalendar)")
        }
        XCTAssertEqual(result.status, 0, result.error)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["version"] as? String, "2.0")
        XCTAssertTrue((parsed["prodid"] as? String)?.contains("esafety") ?? false)
        let events = try XCTUnwrap(parsed["events"] as? [[String: Any]])
        XCTAssertEqual(events.count, 12)
        XCTAssertTrue(events.allSatisfy { $0["allDay"] as? Bool == true }, "all-day events")
        XCTAssertEqual(Set(events.compactMap { $0["uid"] as? String }).count, 12, "one UID each")
        let review = try XCTUnwrap(events.first { $0["summary"] as? String == "Annual policy review with governors" })
        XCTAssertEqual(review["start"] as? String, "2026-10-21")
        let description = try XCTUnwrap(review["description"] as? String)
        XCTAssertTrue(description.contains("in the light of new technologies, threats and incidents."), "commas unescaped: \(description)")
        XCTAssertTrue(description.contains("\nHow often: every year\n"), "newlines unescaped: \(description)")
        XCTAssertTrue(description.contains("\"The e-Safety policy will be reviewed annually\"; Offord"), "semicolons unescaped, folds joined: \(description)")
        XCTAssertTrue(events.contains { $0["summary"] as? String == "Optional: Password change (45 to 60 days)" })
        XCTAssertEqual(events.first { $0["summary"] as? String == "Safer Internet Week" }?["start"] as? String, "2027-02-28")
    }
}
