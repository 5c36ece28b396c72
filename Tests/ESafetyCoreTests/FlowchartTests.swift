import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The default chart, `flowchart check`, the walker, and walks kept with incidents.
final class FlowchartTests: StoreTestCase {
    private let fixedNow = Date(timeIntervalSince1970: 1_795_600_800)

    // MARK: The default chart

    func testTheDefaultChartPassesTheCheckWithNoWarnings() throws {
        let chart = try FlowchartLibrary.defaultChart()
        XCTAssertEqual(FlowchartCheck.problems(in: chart, known: try .defaults()), [])
        for step in chart.steps where step.kind == .question {
            XCTAssertFalse(step.policyText.isEmpty, "\(step.id) carries its policy text")
            XCTAssertFalse(step.source.isEmpty, "\(step.id) names its source")
        }
    }

    /// Walks every path of the default chart through the walker (each loop taken once) and
    /// checks that each ends in an outcome with a checklist.
    func testEveryPathOfTheDefaultChartEndsInAnOutcome() throws {
        let chart = try FlowchartLibrary.defaultChart()
        var finished = 0
        var outcomes: Set<String> = []
        func explore(_ walker: FlowchartWalker, depth: Int) throws {
            XCTAssertLessThan(depth, 40, "a path that never ends")
            guard depth < 40 else { return }
            if walker.isFinished {
                finished += 1
                outcomes.insert(walker.current.id)
                let walk = try walker.finish(id: 1, at: fixedNow, by: sam, directory: RoleDirectory(), profile: SchoolProfile(schoolName: "", address: "", localAuthority: ""))
                XCTAssertEqual(walk.path.last?.kind, .outcome)
                if walker.current.id != "no-concern" { XCTAssertFalse(walk.actions.isEmpty) }
                return
            }
            XCTAssertEqual(walker.current.kind, .question)
            for option in walker.current.options {
                // Take a loop back to a question already asked at most once.
                if walker.answers.filter({ $0.stepID == walker.current.id }).count > 1 { continue }
                var next = walker
                try next.answer(option.id, reason: option.reasonRequired ? "a reason" : "")
                try explore(next, depth: depth + 1)
            }
        }
        try explore(try FlowchartWalker(chart: chart), depth: 0)
        XCTAssertGreaterThan(finished, 100)
        XCTAssertEqual(outcomes, ["end-child", "end-adult", "no-concern"])
        XCTAssertTrue(FlowchartCheck.paths(in: chart).allSatisfy { chart.step($0.last!)?.kind == .outcome })
    }

    func testTheDefaultChartEncodesThePolicies() throws {
        let chart = try FlowchartLibrary.defaultChart()
        let all = chart.steps.flatMap { [$0.title, $0.policyText] + $0.actions.map(\.text) + $0.options.map(\.label) }.joined(separator: "\n")
        for phrase in ["child protection issue", "managing allegations", "Education Welfare Officer", "involve the parents",
                       "child sexual abuse images", "Obscene Publications Act", "criminally racist", "Prevent duty",
                       "confidentiality", "preserve the evidence", "Debrief", "Review the policy", "LADO", "helpline"] {
            XCTAssertTrue(all.localizedCaseInsensitiveContains(phrase), "the chart lacks \(phrase)")
        }
        let contacts = Set(chart.steps.flatMap(\.actions).flatMap(\.contactIDs))
        XCTAssertTrue(contacts.isSuperset(of: ["police", "lado", "la-safeguarding-advisor", "child-protection-helpline"]))
        XCTAssertFalse(all.contains("0845"), "numbers come from the profile, not the chart")
    }

    // MARK: flowchart check

    private func chart(_ steps: [FlowchartStep], start: String = "q") -> Flowchart {
        Flowchart(id: "test", title: "Test", start: start, steps: steps)
    }
    private func question(_ id: String, _ options: [(String, String)]) -> FlowchartStep {
        FlowchartStep(id: id, kind: .question, title: "Question \(id)?", policyText: "Policy", source: "Test policy",
                      options: options.map { FlowchartOption(id: $0.0, label: $0.0, next: $0.1) })
    }
    private func action(_ id: String, next: String) -> FlowchartStep {
        FlowchartStep(id: id, kind: .action, title: "Do \(id)", actions: [FlowchartAction(id: "\(id)-1", text: "Do it")], next: next)
    }
    private func outcome(_ id: String) -> FlowchartStep { FlowchartStep(id: id, kind: .outcome, title: "End \(id)") }

    func testCheckNamesADanglingOption() {
        let problems = FlowchartCheck.errors(in: chart([question("q", [("yes", "end"), ("no", "nowhere")]), outcome("end")]))
        XCTAssertEqual(problems.map(\.description), ["step q: option \"no\" leads to \"nowhere\", which does not exist"])
    }

    func testCheckNamesAnUnreachableStep() {
        let problems = FlowchartCheck.errors(in: chart([question("q", [("yes", "end")]), action("orphan", next: "end"), outcome("end")]))
        XCTAssertEqual(problems.map(\.stepID), ["orphan"])
        XCTAssertTrue(problems[0].description.contains("no path from the start"), problems[0].description)
    }

    func testCheckNamesALoopWithNoWayOut() {
        let problems = FlowchartCheck.errors(in: chart([question("q", [("yes", "end"), ("no", "a")]),
                                                       action("a", next: "b"), question("b", [("again", "a")]), outcome("end")]))
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertEqual(problems.first?.stepID, "a")
        XCTAssertTrue(problems.first?.message.contains("a loop with no way out: a, b") ?? false, "\(problems)")
    }

    func testALoopWithAWayOutIsLegal() throws {
        // "If in doubt, consult the helpline" goes back to the question, which has other answers.
        XCTAssertEqual(FlowchartCheck.errors(in: chart([question("q", [("unsure", "helpline"), ("yes", "end")]),
                                                        action("helpline", next: "q"), outcome("end")])), [])
        let chart = try FlowchartLibrary.defaultChart()
        XCTAssertEqual(chart.step("helpline-child")?.next, "child-activity")
    }

    func testCheckNamesAStepWhosePathStopsAndUnknownIDsAreWarnings() {
        var stuck = action("a", next: "end")
        stuck.next = nil
        stuck.actions[0].contactRoleIDs = ["no-such-role"]
        let problems = FlowchartCheck.problems(in: chart([question("q", [("yes", "a"), ("no", "end")]), stuck, outcome("end")]),
                                               known: FlowchartCheck.KnownIDs(roleIDs: ["head-teacher"]))
        XCTAssertEqual(problems.map(\.description), ["step a: the action step has no next step, so a path stops here",
                                                     "warning: step a: action \"a-1\": no role \"no-such-role\" in the role directory"])
    }

    // MARK: The walker

    func testAReasonIsRequiredWhereTheOptionSaysSoAndBackAndChangeWork() throws {
        var walker = try FlowchartWalker(chart: try FlowchartLibrary.defaultChart())
        XCTAssertEqual(walker.current.id, "staff-instigator", "action steps are passed on the way")
        try walker.answer("no")
        try walker.answer("no")
        try walker.answer("yes")
        try walker.answer("no")
        XCTAssertEqual(walker.current.id, "child-activity")
        XCTAssertThrowsError(try walker.answer("none", reason: "  ")) { XCTAssertTrue("\($0)".contains("needs a reason"), "\($0)") }
        try walker.answer("none", reason: "It was a school-approved game")
        XCTAssertTrue(walker.isFinished)
        XCTAssertEqual(walker.answers.last?.reason, "It was a school-approved game")
        XCTAssertTrue(walker.back())
        XCTAssertEqual(walker.current.id, "child-activity")
        XCTAssertEqual(walker.previousOptionID, "none")
        XCTAssertTrue(walker.change(at: 0))
        XCTAssertEqual(walker.current.id, "staff-instigator")
        XCTAssertEqual(walker.previousOptionID, "no")
        XCTAssertEqual(walker.answers.count, 0)
        XCTAssertEqual(walker.breadcrumb, ["Act now", "Head told", "Staff instigator?"])
    }

    // MARK: Walks kept with incidents

    private func workspaceWithIncident() throws -> (Workspace, IncidentLog, String) {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true, now: { [fixedNow] in fixedNow })
        workspace.timeZone = TimeZone(identifier: "UTC")!
        let log = try workspace.incidents()
        return (workspace, log, try XCTUnwrap(log.openIncidents.first?.id))
    }

    private func illegalChildWalk(_ workspace: Workspace) throws -> FlowchartWalk {
        var walker = try workspace.startWalk()
        try walker.answer("no")
        try walker.answer("no")
        try walker.answer("yes")
        try walker.answer("no")
        try walker.answer("illegal", reason: "Indecent image request from an adult")
        try walker.answer("inform")
        return try walker.finish(id: 0, at: fixedNow, by: sam, directory: workspace.directory, profile: workspace.profile)
    }

    func testTheStoreKeepsTheSchoolsCopyOfTheChart() throws {
        let (workspace, _, _) = try workspaceWithIncident()
        XCTAssertNotNil(try workspace.store.load(Flowchart.self, from: FlowchartLibrary.document))
        XCTAssertEqual(try workspace.responseFlowchart(), try FlowchartLibrary.defaultChart())
    }

    func testAWalkSnapshotsContactsAndTickingRecordsWhoAndWhenAndTicksTheForm() throws {
        let (workspace, log, id) = try workspaceWithIncident()
        let walk = try illegalChildWalk(workspace)
        let police = try XCTUnwrap(walk.actions.first { $0.id == "police-refer" })
        XCTAssertEqual(police.contacts.first?.phone, "01632 960999", "from the demo profile")
        XCTAssertEqual(police.childActionID, "reported-police")
        let kept = try log.saveWalk(walk, to: id)
        XCTAssertEqual(kept.id, 1)
        let again = try log.saveWalk(try illegalChildWalk(workspace), to: id)
        XCTAssertEqual(again.id, 2, "walking again keeps the earlier walk")
        XCTAssertEqual(log.record(id)?.walks.count, 2)

        // Later changes to the profile do not change a kept walk.
        var contact = try XCTUnwrap(workspace.profile.contact("police"))
        contact.phone = "01632 000000"
        try workspace.updateExternalContact(contact)

        let revisions = log.record(id)?.revisions.count
        try log.tickWalkAction("police-refer", walk: 1, of: id)
        let record = try XCTUnwrap(log.record(id))
        let ticked = try XCTUnwrap(record.walks[0].actions.first { $0.id == "police-refer" })
        XCTAssertEqual(ticked.doneBy?.name, "Amira Haddad", "a demo store leaves its head teacher signed in")
        XCTAssertEqual(ticked.doneAt, fixedNow)
        XCTAssertEqual(ticked.contacts.first?.phone, "01632 960999")
        XCTAssertEqual(record.report.childActions.last?.itemID, "reported-police")
        XCTAssertEqual(record.report.childActions.last?.by, "Amira Haddad")
        XCTAssertEqual(record.revisions.count, revisions, "ticking is not a revision")
        let entry = try XCTUnwrap(workspace.store.auditEntries().last)
        XCTAssertEqual(entry.action, "incident.flowchart.tick")
        XCTAssertEqual(entry.recordID, id)
        XCTAssertFalse(entry.summary.contains("Indecent"), "the audit names the record, not its contents")
        XCTAssertThrowsError(try log.tickWalkAction("police-refer", walk: 1, of: id))

        workspace.store.close()
        let readOnly = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        XCTAssertNil(try readOnly.incidents().record(id), "sealed: nobody signed in, nothing to read")
        readOnly.session = try readOnly.accounts().signIn(personID: "P0001", passphrase: DemoData.passphrase)
        XCTAssertEqual(try readOnly.incidents().record(id)?.walks, record.walks)
    }

    func testARecordWrittenBeforeWalksDecodesWithNone() throws {
        let (workspace, log, id) = try workspaceWithIncident()
        _ = workspace
        let record = try XCTUnwrap(log.record(id))
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: StoreJSON.makeEncoder().encode(record)) as? [String: Any])
        XCTAssertNotNil(json.removeValue(forKey: "walks"))
        let decoded = try StoreJSON.makeDecoder().decode(IncidentRecord.self, from: JSONSerialization.data(withJSONObject: json))
        XCTAssertEqual(decoded.walks, [])
        XCTAssertEqual(decoded.id, id)
    }

    func testTheReportAndTheExportIncludeTheWalk() throws {
        let (workspace, log, id) = try workspaceWithIncident()
        try log.saveWalk(try illegalChildWalk(workspace), to: id)
        try log.tickWalkAction("police-refer", walk: 1, of: id)
        let record = try XCTUnwrap(log.record(id))
        var text = IncidentReportText(record: record, form: log.form, profile: workspace.profile, contactOfficer: nil)
        text.timeZone = TimeZone(identifier: "UTC")!
        // Lines wrap at 80 columns with a hanging indent: compare the text with each wrap undone.
        let report = text.render(.text).replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        for line in ["Response flowchart", "Walk 1: Responding to incidents", "Path: Act now › Head told › Staff instigator? No",
                     "Illegal or inappropriate? Illegal: one of the four kinds the police are told about › Police",
                     "5. What kind of activity is it: illegal, radicalisation, inappropriate, or none of these? Illegal: one of the four kinds the police are told about. Reason: Indecent image request from an adult",
                     "Outcome: A child was involved", "[x] Refer directly to the police", "by Amira Haddad)", "Police: ",
                     "01632 960999", "[x] Incident reported to police  (Amira Haddad"] {
            XCTAssertTrue(report.contains(line), "report lacks \(line):\n\(report)")
        }
        let csv = try IncidentExport.incidents(try log.allRecords(), form: log.form, format: .csv)
        XCTAssertTrue(csv.contains("flowchart_walks"))
        XCTAssertTrue(csv.contains("Illegal or inappropriate? Illegal"), csv)
        XCTAssertTrue(csv.contains("reason: Indecent image request from an adult"), csv)
        let json = try IncidentExport.incidents(try log.allRecords(), form: log.form, format: .json)
        XCTAssertTrue(json.contains("\"walks\""))
        XCTAssertTrue(json.contains("Indecent image request from an adult"))
    }

    func testDotAndOutlineShowEveryStep() throws {
        let chart = try FlowchartLibrary.defaultChart()
        let dot = FlowchartDiagram.dot(chart)
        XCTAssertTrue(dot.hasPrefix("digraph \"responding-to-incidents\" {"))
        for step in chart.steps { XCTAssertTrue(dot.contains("\"\(step.id)\" ["), "dot lacks \(step.id)") }
        XCTAssertTrue(dot.contains("\"helpline-child\" -> \"child-activity\""))
        let outline = FlowchartDiagram.outline(chart).joined(separator: "\n")
        for step in chart.steps { XCTAssertTrue(outline.contains(step.title) || outline.contains(step.shortLabel + " (see above)"), "outline lacks \(step.id)") }
        XCTAssertTrue(outline.contains("[reason required]"))
    }

    func testTheCommittedPictureSourceIsCurrent() throws {
        var root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        let committed = try String(contentsOf: root.appendingPathComponent("docs/flowchart.dot"), encoding: .utf8)
        XCTAssertEqual(committed, FlowchartDiagram.dot(try FlowchartLibrary.defaultChart()),
                       "regenerate: esafety flowchart dot -o docs/flowchart.dot, then dot -Tsvg")
    }
}
