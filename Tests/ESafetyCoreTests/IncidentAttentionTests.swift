import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// "New since you last signed in": worked out from the audit log's openings; and every print
/// from the app audited and written owner-only.
final class IncidentAttentionTests: StoreTestCase {
    private let fixedNow = Date(timeIntervalSince1970: 1_795_600_800)

    private func demo() throws -> Workspace {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true, now: { [fixedNow] in fixedNow.addingTimeInterval(3600) })
        workspace.timeZone = TimeZone(identifier: "UTC")!
        return workspace
    }

    private func signIn(_ workspace: Workspace, _ name: String) throws {
        let person = try XCTUnwrap(workspace.directory.people.first { $0.fullName == name })
        workspace.session = try workspace.accounts().signIn(personID: person.id, passphrase: DemoData.passphrase)
    }

    private func report() -> IncidentReport {
        var report = IncidentReport()
        report.occurredOn = CivilDate(year: 2026, month: 11, day: 25)
        report.reporterName = "Siobhán Byrne"
        report.reporterRole = "Office manager"
        report.location = .inSchool
        report.involved = [InvolvedParty(kind: .child, name: "Zoë Ōkubo")]
        report.typeIDs = ["bullying"]
        report.description = "Unkind messages in the class chat"
        report.access = .deliberate
        return report
    }

    func testMyReportsKeepsTheLastTwoHundredSoABusyAccountsSavesStaySmall() throws {
        let store = try makeStore()
        let kept = AttentionDocument.reportedKept
        for number in 1...(kept + 5) {
            try store.commit(actor: sam, action: "test", summary: "report \(number)") { transaction in
                try AttentionDocument.stageReported(String(format: "2026-%04d", number), at: fixedNow, by: sam, in: transaction)
            }
        }
        let document = try XCTUnwrap(try store.load(AttentionDocument.self, from: AttentionDocument.name(for: sam)))
        XCTAssertEqual(document.reported.count, kept)
        XCTAssertEqual(document.reported.first?.id, "2026-0006", "the oldest go first")
        XCTAssertEqual(document.reported.last?.id, String(format: "2026-%04d", kept + 5))
    }

    func testAnOfficeReportIsNewToEachLeadUntilTheyOpenIt() throws {
        let workspace = try demo()
        try signIn(workspace, "Siobhán Byrne")
        XCTAssertEqual(try workspace.attention.newIncidents(), [], "office staff read no incidents")
        let recorded = try workspace.incidents().submit(report())
        XCTAssertEqual(try workspace.attention.myReports().map(\.id), [recorded.id])

        try signIn(workspace, "Tom Whitfield")
        let new = try workspace.attention.newIncidents()
        let mine = try XCTUnwrap(new.first { $0.id == recorded.id })
        XCTAssertEqual(mine.recordedBy, "Siobhán Byrne")
        XCTAssertTrue(mine.types.first?.hasPrefix("Bullying") == true, "\(mine.types)")
        XCTAssertEqual(new.first?.id, recorded.id, "newest first")
        XCTAssertNotNil(try workspace.attention.open(recorded.id))
        XCTAssertFalse(try workspace.attention.newIncidents().contains { $0.id == recorded.id })
        let opening = try XCTUnwrap(workspace.store.auditEntries().last)
        XCTAssertEqual(opening.action, "incident.open")
        XCTAssertEqual(opening.recordID, recorded.id)
        XCTAssertEqual(opening.document, "attention/person_P0002", "the first opening notes it in Tom's attention document, in the same commit")
        XCTAssertNotNil(try workspace.attention.open(recorded.id))
        XCTAssertEqual(try workspace.store.auditEntries().last?.document, "-", "opening it again is recorded, and changes no document")

        // The head teacher has not opened it: still new to her.
        try signIn(workspace, "Amira Haddad")
        XCTAssertTrue(try workspace.attention.newIncidents().contains { $0.id == recorded.id })
    }

    func testAPrintIsAuditedAndOwnerOnlyAndRefusedToOfficeStaff() throws {
        let workspace = try demo()
        try signIn(workspace, "Tom Whitfield")
        let id = try XCTUnwrap(workspace.incidents().summaries.first?.id)
        let path = root.appendingPathComponent("out/report.html").path
        XCTAssertThrowsError(try workspace.printIncident(id, format: .html, to: .file(path: path)), "no such folder")
        let file = root.appendingPathComponent("report.html").path
        try workspace.printIncident(id, format: .html, to: .file(path: file))
        var info = stat()
        XCTAssertEqual(stat(file, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let entry = try XCTUnwrap(workspace.store.auditEntries().last)
        XCTAssertEqual(entry.action, "incident.report")
        XCTAssertTrue(entry.summary.contains("as html to the file"), entry.summary)
        XCTAssertThrowsError(try workspace.printIncident(id, format: .text, to: .file(path: root.path)), "a folder is refused")

        try signIn(workspace, "Siobhán Byrne")
        XCTAssertThrowsError(try workspace.printIncident(id, format: .text, to: .file(path: root.appendingPathComponent("x.txt").path)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("x.txt").path))
    }
}
