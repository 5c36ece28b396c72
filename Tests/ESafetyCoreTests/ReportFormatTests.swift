import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The printed form in each format, checked by real readers: every text line at most 80
/// columns, the Markdown rendered by cmark (CommonMark's reference renderer), the HTML printed
/// to PDF and screenshotted by headless Chromium.
final class ReportFormatTests: StoreTestCase {
    private let fixedNow = Date(timeIntervalSince1970: 1_795_600_800)

    private func demo() throws -> (Workspace, IncidentLog, String) {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true, now: { [fixedNow] in fixedNow })
        workspace.timeZone = TimeZone(identifier: "UTC")!
        let log = try workspace.incidents()
        let id = try XCTUnwrap(log.openIncidents.first?.id)
        var report = try XCTUnwrap(log.record(id)).report
        report.description = String(repeating: "A long account of what was seen on the screen, typed without a break. ", count: 6)
            + "\n* not a list\n# not a heading\n1. not numbered <b>not bold</b> & so on"
        try log.revise(id, report: report, reason: "More detail")
        return (workspace, log, id)
    }

    private func render(_ workspace: Workspace, _ log: IncidentLog, _ id: String, _ format: IncidentReportText.Format) throws -> String {
        var text = IncidentReportText(record: try XCTUnwrap(log.record(id)), form: log.form, profile: workspace.profile, contactOfficer: workspace.esafetyContact)
        text.timeZone = TimeZone(identifier: "UTC")!
        return text.render(format)
    }

    func testTheTextReportIsAtMost80ColumnsWithHangingIndents() throws {
        let (workspace, log, id) = try demo()
        let text = try render(workspace, log, id, .text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { XCTAssertLessThanOrEqual(ReportColumns.width(String(line)), 80, "too wide: \(line)") }
        XCTAssertTrue(lines.contains { $0.hasPrefix("A long account") }, text)
        // A tick box whose words wrap continues under its words, not under the box.
        let wrappedBox = ReportColumns.wrap(String(repeating: "word ", count: 30), width: 80, first: "  [x] ", rest: "      ")
        XCTAssertGreaterThan(wrappedBox.count, 1)
        XCTAssertTrue(wrappedBox.dropFirst().allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") })
    }

    func testTheMarkdownIsCommonMarkAsCmarkReadsIt() throws {
        let cmark = "/usr/bin/cmark"
        guard FileManager.default.isExecutableFile(atPath: cmark) else {
            throw XCTSkip("cmark is not installed (apt-get install cmark; .ci/run installs it): the Markdown is not checked by a renderer here")
        }
        let (workspace, log, id) = try demo()
        let html = try run(cmark, [], input: try render(workspace, log, id, .markdown))
        // The question is a paragraph of its own, not part of the list item above it.
        XCTAssertTrue(html.contains("<p>Where did the incident occur?</p>"), html)
        XCTAssertTrue(html.contains("<h2>Details of incident</h2>"))
        XCTAssertTrue(html.contains("<li><strong>Date happened:</strong>"), html)
        // What was typed is shown as typed: no list, heading or HTML made from it.
        XCTAssertTrue(html.contains("* not a list"), html)
        XCTAssertTrue(html.contains("# not a heading"))
        XCTAssertTrue(html.contains("1. not numbered &lt;b&gt;not bold&lt;/b&gt; &amp; so on"), html)
        XCTAssertFalse(html.contains("<b>not bold</b>"))
        XCTAssertTrue(html.contains("<li>[x] child/young person"), html)
    }

    func testTheHTMLPrintsAsAFormInHeadlessChromium() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("Chromium is not installed (apt-get install chromium; .ci/run installs it): the HTML is not printed here")
        }
        let (workspace, log, id) = try demo()
        let html = try render(workspace, log, id, .html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("@page"))
        XCTAssertFalse(html.contains("<script"), "self-contained, nothing to run")
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from elsewhere")
        XCTAssertTrue(html.contains("<h2>Type of incident</h2>"))
        XCTAssertTrue(html.contains("class=\"box ticked\""))
        XCTAssertTrue(html.contains("&lt;b&gt;not bold&lt;/b&gt;"))
        let page = root.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let blank = root.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)
        let pdf = root.appendingPathComponent("report.pdf"), png = root.appendingPathComponent("report.png")
        let blankPNG = root.appendingPathComponent("blank.png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                      "--user-data-dir=" + root.appendingPathComponent("chromium-profile").path]
        _ = try run(chromium, common + ["--print-to-pdf=" + pdf.path, "--no-pdf-header-footer", page.absoluteString], input: "")
        _ = try run(chromium, common + ["--screenshot=" + png.path, "--window-size=900,1200", page.absoluteString], input: "")
        _ = try run(chromium, common + ["--screenshot=" + blankPNG.path, "--window-size=900,1200", blank.absoluteString], input: "")
        let pdfData = try Data(contentsOf: pdf)
        XCTAssertEqual(pdfData.prefix(5), Data("%PDF-".utf8))
        XCTAssertGreaterThan(pdfData.count, 10_000)
        let shot = try Data(contentsOf: png), empty = try Data(contentsOf: blankPNG)
        XCTAssertEqual(shot.prefix(4), Data([0x89, 0x50, 0x4E, 0x47]))
        // A blank page compresses to almost nothing; the form's text and boxes do not.
        XCTAssertGreaterThan(shot.count, empty.count * 4, "the screenshot looks blank")
    }

    func testAClosedIncidentsOutcomeIsItsOutcomeAndWalkLabelsAreKeptInFull() throws {
        let (workspace, log, id) = try demo()
        var walker = try workspace.startWalk()
        for answer in ["no", "no", "yes", "home", "inappropriate"] { try walker.answer(answer) }
        try walker.answer("no-referral", reason: "Handled in school with the parents")
        try walker.answer("inform")
        try log.saveWalk(try walker.finish(id: 0, at: fixedNow, by: sam, directory: workspace.directory, profile: workspace.profile), to: id)
        try log.close(id, outcome: "Sanctions applied; parents met the class teacher")
        let text = try render(workspace, log, id, .text).replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        XCTAssertTrue(text.contains("Outcome: Sanctions applied; parents met the class teacher"), text)
        XCTAssertTrue(text.contains("Where the flowchart ended: A child was involved: the response is under way"))
        XCTAssertTrue(text.contains("Yes, and it does not involve the parents"), text)
        XCTAssertFalse(text.contains("…"), "no label is cut short")
    }

    func testAnUntickIsKeptStruckThroughInTheHistory() throws {
        let (workspace, log, id) = try demo()
        var walker = try workspace.startWalk()
        for answer in ["no", "no", "yes", "no", "illegal", "inform"] { try walker.answer(answer) }
        try log.saveWalk(try walker.finish(id: 0, at: fixedNow, by: sam, directory: workspace.directory, profile: workspace.profile), to: id)
        try log.tickWalkAction("police-refer", walk: 1, of: id)
        XCTAssertTrue(try XCTUnwrap(log.record(id)).report.childActions.contains { $0.itemID == "reported-police" })
        XCTAssertThrowsError(try log.untickWalkAction("police-refer", walk: 1, of: id, reason: " "))
        try log.untickWalkAction("police-refer", walk: 1, of: id, reason: "Ticked on the wrong incident")
        let record = try XCTUnwrap(log.record(id))
        XCTAssertFalse(try XCTUnwrap(record.walks.first?.actions.first { $0.id == "police-refer" }).isDone)
        XCTAssertFalse(record.report.childActions.contains { $0.itemID == "reported-police" })
        XCTAssertEqual(record.walks.first?.corrections.first?.reason, "Ticked on the wrong incident")
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "incident.flowchart.untick")
        let markdown = try render(workspace, log, id, .markdown)
        XCTAssertTrue(markdown.contains("~~Walk 1 action"), markdown)
        XCTAssertTrue(markdown.contains("Ticked on the wrong incident"))
        XCTAssertThrowsError(try log.untickWalkAction("police-refer", walk: 1, of: id, reason: "again"))
    }

    func testTheHeadTeacherTickTakesTheChildPartWhenOnlyAChildWasInvolved() throws {
        let (workspace, log, id) = try demo()
        XCTAssertFalse(try XCTUnwrap(log.record(id)).report.involved.contains { $0.kind == .staff })
        var walker = try workspace.startWalk()
        for answer in ["no", "no", "yes", "no", "illegal", "inform"] { try walker.answer(answer) }
        try log.saveWalk(try walker.finish(id: 0, at: fixedNow, by: sam, directory: workspace.directory, profile: workspace.profile), to: id)
        let before = try XCTUnwrap(log.record(id)).report
        try log.tickWalkAction("report-head", walk: 1, of: id)
        let after = try XCTUnwrap(log.record(id)).report
        XCTAssertEqual(after.staffActions, before.staffActions, "no staff member was involved")
        XCTAssertTrue(after.childActions.contains { $0.itemID == "reported-head" })
    }

    private func run(_ tool: String, _ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments) failed")
        return String(decoding: output, as: UTF8.self)
    }
}
