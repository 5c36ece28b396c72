import Foundation
import XCTest
import TestSupport

/// Subject access through the built binary on a demo store: recording a request, the export
/// and its withheld list, the audit, and the deadline on the app's dashboard under tmux.
final class SubjectAccessEndToEndTests: XCTestCase {
    private let lead = ["--user", "Tom Whitfield"]
    private let passphrase = ["ESAFETY_PASSPHRASE": TmuxSession.demoPassphrase]

    func testARequestIsRecordedExportedWithOthersReplacedAndAnswered() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let request = try runEsafety(["sar", "request", "Amir Jönsson", "--from", "his father", "--received", "31/01/2026",
                                      "--store", store.path] + lead, environment: passphrase)
        XCTAssertEqual(request.status, 0, request.standardError)
        XCTAssertEqual(request.standardOutput, "Recorded SAR-0002: due 02/03/2026 (one calendar month after 31/01/2026).\n")

        let file = store.appendingPathComponent("amir.txt")
        let export = try runEsafety(["sar", "Amir Jönsson", "-o", file.path, "--store", store.path] + lead, environment: passphrase)
        XCTAssertEqual(export.status, 0, export.standardError)
        XCTAssertTrue(export.standardError.contains("withheld: review \(file.path).withheld.txt before sending"), export.standardError)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("Subject access: what esafety holds about Amir Jönsson"), text)
        XCTAssertTrue(text.contains("Who was involved: Amir Jönsson (child/young person); another pupil"), text)
        XCTAssertFalse(text.contains("Bea Quarry"), "the other pupil is not named: \(text)")
        let withheld = try String(contentsOf: URL(fileURLWithPath: file.path + ".withheld.txt"), encoding: .utf8)
        XCTAssertTrue(withheld.contains("Bea Quarry, shown as \"another pupil\""), withheld)
        for path in [file.path, file.path + ".withheld.txt"] {
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
        }
        let audit = try String(contentsOf: store.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"sar.export\""), "audited")

        XCTAssertEqual(try runEsafety(["sar", "done", "SAR-0002", "--store", store.path] + lead, environment: passphrase).status, 0)
        let list = try runEsafety(["sar", "list", "--store", store.path] + lead, environment: passphrase)
        XCTAssertTrue(list.standardOutput.contains("SAR-0002: Amir Jönsson, asked by his father, received 31/01/2026, answered"), list.standardOutput)
        let office = try runEsafety(["sar", "Amir Jönsson", "--store", store.path, "--user", "Siobhán Byrne"], environment: passphrase)
        XCTAssertEqual(office.status, 1)
        XCTAssertTrue(office.standardError.contains("record or answer subject access requests"), office.standardError)
        XCTAssertEqual(try runEsafety(["check", "--store", store.path]).status, 0)
    }

    func testTheDashboardShowsTheDeadlineUntilItIsAnswered() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let binary = try esafetyBinary()
        let app = try startTmux(command: "\(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path))", width: 200, height: 60)
        try app.signIn(as: "Grace Mensah")
        try app.waitFor("SAR-0001 due ")  // among the incident lines
        XCTAssertEqual(try runEsafety(["sar", "done", "SAR-0001", "--store", store.path] + lead, environment: passphrase).status, 0)
        try app.waitUntil("the answered request to leave the dashboard") { !$0.contains("SAR-0001 due") }
        app.send(keys: "F10")
        XCTAssertEqual(try app.waitForExit(), 0)
    }
}
