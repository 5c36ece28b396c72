import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Subject access requests on a real demo store: the due date, the deadline until done, the
/// export with other people's names replaced and listed, and the audit.
final class SubjectAccessTests: StoreTestCase {
    func testTheDueDateIsOneCalendarMonthOnAsTheICOCountsIt() {
        func due(_ y: Int, _ m: Int, _ d: Int) -> String { "\(SubjectAccessRequest.dueDate(receivedOn: CivilDate(year: y, month: m, day: d)!))" }
        XCTAssertEqual(due(2026, 9, 3), "05/10/2026", "3 October 2026 is a Saturday: the Monday after")
        XCTAssertEqual(due(2026, 11, 2), "02/12/2026")
        XCTAssertEqual(due(2026, 3, 31), "30/04/2026", "no 31 April: the month's last day")
        XCTAssertEqual(due(2027, 1, 31), "01/03/2027", "the month's last day, 28 February 2027, is a Sunday: the Monday after")
        XCTAssertEqual(due(2026, 1, 31), "02/03/2026", "28 February 2026 is a Saturday")
        XCTAssertEqual(due(2026, 12, 15), "15/01/2027", "across the year's end")
    }

    func testARequestShowsUntilItIsAnsweredAndNamesNobodyInTheAudit() throws {
        let workspace = try demoWorkspace()
        XCTAssertEqual(workspace.openSubjectAccessRequests().map(\.id), ["SAR-0001"], "the demo's")
        let request = try workspace.recordSubjectAccessRequest(subject: "Amir Jönsson", requestedBy: "his father", receivedOn: workspace.today)
        XCTAssertEqual(request.dueOn, SubjectAccessRequest.dueDate(receivedOn: workspace.today))
        XCTAssertEqual(workspace.openSubjectAccessRequests().count, 2)
        try workspace.completeSubjectAccessRequest(request.id)
        XCTAssertEqual(workspace.openSubjectAccessRequests().map(\.id), ["SAR-0001"])
        XCTAssertThrowsError(try workspace.completeSubjectAccessRequest(request.id)) {
            XCTAssertEqual($0 as? SubjectAccessError, .alreadyDone(request.id, workspace.today))
        }
        XCTAssertThrowsError(try workspace.recordSubjectAccessRequest(subject: "X", requestedBy: "Y", receivedOn: workspace.today.adding(days: 1)))
        let audit = try String(contentsOf: storeURL.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertFalse(audit.contains("Jönsson") || audit.contains("his father"), "the audit names nobody")
        let file = try String(contentsOf: storeURL.appendingPathComponent("subject-access/\(request.id).json"), encoding: .utf8)
        XCTAssertFalse(file.contains("Jönsson") || file.contains("father"), "who it is about is sealed")
        XCTAssertEqual(workspace.store.check(), [])
    }

    func testTheExportReplacesOtherPeopleAndListsWhatItWithheld() throws {
        let workspace = try demoWorkspace()
        let log = try workspace.incidents()
        var report = sampleReport(on: workspace.today, description: "Amir Jönsson showed Bea Quarry a video; Tom Whitfield took the tablet.")
        report.involved = [InvolvedParty(kind: .child, name: "Amir Jönsson", personID: "pupil-0002"),
                           InvolvedParty(kind: .child, name: "Bea Quarry", personID: "pupil-0003")]
        let recorded = try log.submit(report)
        try workspace.consents.recordForm(personID: "pupil-0002", given: [.website], by: "Mr Jönsson (fictional)", on: workspace.today,
                                          formVersion: "2026-v1")
        let export = try workspace.subjectAccessExport(person: "pupil-0002")
        XCTAssertTrue(export.text.contains("School website: yes; Social media: no"), export.text)
        XCTAssertTrue(export.text.contains("Form on \(workspace.today) by a parent or carer: School website"), export.text)
        XCTAssertEqual(export.subject, "Amir Jönsson")
        XCTAssertEqual(export.incidentCount, 2, "the demo's incident with Bea, and this one")
        XCTAssertTrue(export.text.contains("Description: Amir Jönsson showed another pupil a video; a member of staff took the tablet."), export.text)
        XCTAssertFalse(export.text.contains("Bea Quarry") || export.text.contains("Tom Whitfield"), export.text)
        XCTAssertTrue(export.text.contains("Pupils: Amir Jönsson (pupil-0002)"), export.text)
        let lines = export.withheld.map(\.line)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Incident \(recorded.id), description: Bea Quarry, shown as \"another pupil\"") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Incident \(recorded.id), description: Tom Whitfield, shown as \"a member of staff\"") }, "\(lines)")
        XCTAssertTrue(export.withheldText.contains("do not send"))
        let audit = try String(contentsOf: storeURL.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"sar.export\""), "the export is audited")
        XCTAssertThrowsError(try workspace.subjectAccessExport(person: "Nobody At All")) {
            XCTAssertEqual($0 as? SubjectAccessError, .unknownPerson("Nobody At All"))
        }
    }

    func testOnlyLeadsMayRecordOrExport() throws {
        let workspace = try demoWorkspace()
        let office = try XCTUnwrap(workspace.directory.people.first { $0.fullName == "Siobhán Byrne" })
        workspace.session = try workspace.accounts().signIn(personID: office.id, passphrase: DemoData.passphrase)
        XCTAssertThrowsError(try workspace.subjectAccessExport(person: "Zoë Ōkubo")) {
            XCTAssertEqual($0 as? AccessError, .notAllowed(.answerSubjectAccess, .staff))
        }
        XCTAssertThrowsError(try workspace.recordSubjectAccessRequest(subject: "Zoë Ōkubo", requestedBy: "x"))
        XCTAssertEqual(workspace.openSubjectAccessRequests(), [])
    }
}
