import Foundation
import XCTest
import TestSupport

/// Several response charts through the built binary: the built-in charts pass `flowchart
/// check`, `flowchart list` shows a school's own chart placed in the store (and a broken one with
/// its problems), and the lead walks "Sharing nudes and semi-nudes" for an incident in tmux.
final class FlowchartCatalogEndToEndTests: XCTestCase {
    private let environment = ["ESAFETY_TODAY": "2026-11-25"]
    private var resources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/flowcharts")
    }

    func testEveryBuiltInChartIsSoundAndCitesItsSources() throws {
        for id in ["responding-to-incidents", "sharing-nudes", "staff-as-victims"] {
            let file = resources.appendingPathComponent("\(id).json")
            let result = try runEsafety(["flowchart", "check", file.path])
            XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError)
            XCTAssertTrue(result.standardOutput.contains("is sound"), result.standardOutput)
            let chart = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            XCTAssertFalse((chart["sources"] as? [String] ?? []).isEmpty, "\(id) cites its sources")
        }
        let nudes = try String(contentsOf: resources.appendingPathComponent("sharing-nudes.json"), encoding: .utf8)
        for words in ["initial review meeting", "Never view, copy, print, share, store or save", "under 13", "talk to the children",
                      "unless there is good reason to believe that informing them would put the child at risk", "decision not to refer"] {
            XCTAssertTrue(nudes.contains(words), "the UKCIS chart covers: \(words)")
        }
    }

    func testTheListShowsEveryChartAndASchoolsOwnAndABrokenOneWithItsProblems() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--store", store.path], environment: environment).status, 0)
        let listed = try runEsafety(["flowchart", "list", "--store", store.path])
        XCTAssertEqual(listed.status, 0, listed.standardError)
        XCTAssertTrue(listed.standardOutput.contains("sharing-nudes") && listed.standardOutput.contains("Sharing nudes and semi-nudes: sound"), listed.standardOutput)
        XCTAssertTrue(listed.standardOutput.contains("staff-as-victims"), listed.standardOutput)

        var chart = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: resources.appendingPathComponent("staff-as-victims.json"))) as? [String: Any])
        chart["id"] = "somerset-incidents"
        chart["title"] = "Somerset's incident flowchart (the school's copy)"
        let folder = store.appendingPathComponent("flowcharts")
        try JSONSerialization.data(withJSONObject: chart, options: [.sortedKeys]).write(to: folder.appendingPathComponent("somerset-incidents.json"))
        var broken = chart
        broken["id"] = "broken-chart"
        broken["start"] = "no-such-step"
        try JSONSerialization.data(withJSONObject: broken, options: [.sortedKeys]).write(to: folder.appendingPathComponent("broken-chart.json"))
        let again = try runEsafety(["flowchart", "list", "--store", store.path])
        XCTAssertEqual(again.status, 1, "a chart is not sound")
        XCTAssertTrue(again.standardOutput.contains("somerset-incidents") && again.standardOutput.contains("Somerset's incident flowchart (the school's copy): sound"), again.standardOutput)
        XCTAssertTrue(again.standardOutput.contains("broken-chart") && again.standardOutput.contains("the start step \"no-such-step\" does not exist"), again.standardOutput)
        XCTAssertTrue(again.standardOutput.contains("responding-to-incidents  v"), again.standardOutput)
    }

    func testTheLeadWalksTheSharingNudesChartForAnIncident() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path], environment: environment).status, 0)
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", environment: environment)
        try app.signIn(as: "Tom Whitfield")
        app.send(keys: "2")
        try app.waitFor("4  Walk another chart")
        app.send(keys: "4")
        try app.waitFor("Sharing nudes and semi-nudes (sharing-nudes")
        app.send(keys: "Down", "Enter")
        try app.waitFor("Choose an incident")
        app.send(keys: "Enter")
        let question = try app.waitFor("Is there any trigger for an immediate referral")
        XCTAssertTrue(question.contains("Path: Tell the DSL › Initial review › Refer now?"), question)
        app.send(keys: "2")
        try app.waitFor("After talking to the children")
        app.send(keys: "Down", "F4")
        try app.waitFor("Why is a referral not needed?")
        app.type("Two Year 6 pupils, no aggravating factors")
        app.send(keys: "F2")
        try app.waitFor("Outcome: Decisions recorded")
        app.send(keys: "F2")
        let checklist = try app.waitFor("Checklist 2026-")
        XCTAssertTrue(checklist.contains("Report the incident to the DSL"), checklist)
    }
}
