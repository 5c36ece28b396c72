import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The incident rules on a real store: status changes, revisions, follow-ups, drafts, figures.
final class IncidentLogTests: StoreTestCase {
    private var workspace: Workspace!
    private var log: IncidentLog!
    /// 25 November 2026, 10:00 UTC.
    private let fixedNow = Date(timeIntervalSince1970: 1_795_600_800)

    override func setUpWithError() throws {
        try super.setUpWithError()
        workspace = try Workspace.create(at: storeURL, actor: sam)
        workspace.now = { [fixedNow] in fixedNow }
        workspace.timeZone = TimeZone(identifier: "UTC")!
        log = try workspace.incidents()
    }

    private func completeReport(description: String = "Pupil viewed a gambling site") -> IncidentReport {
        var report = IncidentReport()
        report.occurredOn = CivilDate(year: 2026, month: 11, day: 20)
        report.reporterName = "Sam Patel"
        report.reporterRole = "Class teacher"
        report.location = .inSchool
        report.involved = [InvolvedParty(kind: .child, name: "Zoë Ōkubo")]
        report.typeIDs = ["gambling"]
        report.description = description
        report.access = .accidental
        return report
    }

    func testSubmittingGivesReadableIdsAndIsAudited() throws {
        let first = try log.submit(completeReport())
        let second = try log.submit(completeReport())
        XCTAssertEqual([first.id, second.id], ["2026-0001", "2026-0002"])
        XCTAssertEqual(first.status, .open)
        let entry = try XCTUnwrap(workspace.store.auditEntries().last)
        XCTAssertEqual(entry.action, "incident.submit")
        XCTAssertEqual(entry.summary, "Recorded incident 2026-0002")
        XCTAssertFalse(entry.summary.contains("gambling"), "the audit log names the record, not its contents")
        workspace.store.close()
        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: sam).incidents()
        XCTAssertEqual(reopened.summaries.map(\.id), ["2026-0002", "2026-0001"], "newest first")
        XCTAssertEqual(reopened.record("2026-0001")?.report, first.report)
    }

    func testAnIncompleteOrFutureReportIsRefusedNamingTheFields() throws {
        var report = completeReport()
        report.occurredOn = CivilDate(year: 2026, month: 12, day: 1)
        report.description = "  "
        report.typeIDs = ["other"]
        XCTAssertThrowsError(try log.submit(report)) { error in
            guard case IncidentError.incomplete(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems, ["Date happened: 01/12/2026 is in the future",
                                      "Type of incident: say what 'Other' is",
                                      "Description of incident is required"])
        }
        XCTAssertTrue(log.summaries.isEmpty)
    }

    func testClosingNeedsAnOutcomeAndNoFurtherActionNeedsAReason() throws {
        let record = try log.submit(completeReport())
        XCTAssertThrowsError(try log.close(record.id, outcome: " ")) { XCTAssertEqual($0 as? IncidentError, .outcomeRequired) }
        XCTAssertThrowsError(try log.markNoFurtherAction(record.id, reason: "")) { error in
            XCTAssertEqual(error as? IncidentError, .reasonRequired("for taking no further action"))
        }
        try log.close(record.id, outcome: "Filter updated; parents informed")
        let closed = try XCTUnwrap(log.record(record.id))
        XCTAssertEqual(closed.status, .closed)
        XCTAssertEqual(closed.report.outcome, "Filter updated; parents informed")
        XCTAssertEqual(closed.revisions.count, 1, "writing the outcome keeps the report as it was")
        XCTAssertThrowsError(try log.close(record.id, outcome: "again")) { XCTAssertEqual($0 as? IncidentError, .alreadyInStatus("closed")) }
        XCTAssertThrowsError(try log.reopen(record.id, reason: "")) { XCTAssertEqual($0 as? IncidentError, .reasonRequired("for reopening the incident")) }
        try log.reopen(record.id, reason: "Parent reported it happened again")
        let reopened = try XCTUnwrap(log.record(record.id))
        XCTAssertEqual(reopened.status, .open)
        XCTAssertEqual(reopened.statusHistory.map(\.to), [.open, .closed, .open])
        XCTAssertEqual(reopened.statusHistory.last?.reason, "Parent reported it happened again")
        try log.markNoFurtherAction(record.id, reason: "Duplicate of another report")
        XCTAssertEqual(log.record(record.id)?.status, .noFurtherAction)
    }

    func testEditingASubmittedReportKeepsTheEarlierRevision() throws {
        let record = try log.submit(completeReport(description: "First account"))
        var changed = record.report
        changed.description = "Corrected account"
        XCTAssertThrowsError(try log.revise(record.id, report: changed, reason: ""))
        try log.revise(record.id, report: changed, reason: "Teacher added detail")
        let revised = try XCTUnwrap(log.record(record.id))
        XCTAssertEqual(revised.report.description, "Corrected account")
        XCTAssertEqual(revised.revisions.map(\.report.description), ["First account"])
        XCTAssertEqual(revised.revisions.first?.reason, "Teacher added detail")
        XCTAssertEqual(revised.revisions.first?.replacedBy, sam)
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "incident.revise")
    }

    func testFollowUpsBecomeOverdueAndCanBeDone() throws {
        let record = try log.submit(completeReport())
        let due = try XCTUnwrap(CivilDate(year: 2026, month: 11, day: 24))
        let action = try log.addFollowUp(to: record.id, what: "Speak to parents", owner: nil, ownerName: "Amira Haddad", due: due)
        XCTAssertEqual(log.overdueFollowUps(today: workspace.today).map(\.action.id), [action.id])
        try log.completeFollowUp(action.id, of: record.id, on: workspace.today)
        XCTAssertTrue(log.overdueFollowUps(today: workspace.today).isEmpty)
        XCTAssertEqual(log.record(record.id)?.followUps.first?.doneBy, "Sam Patel")
        XCTAssertThrowsError(try log.addFollowUp(to: record.id, what: " ", owner: nil, ownerName: "x", due: due))
    }

    func testDraftsAreKeptWithoutAuditEntriesAndRemovedOnSubmit() throws {
        let before = try workspace.store.auditEntries().count
        var draft = IncidentDraft(startedAt: fixedNow, savedAt: fixedNow)
        draft.report.description = "Half typed"
        draft.step = 3
        try log.saveDraft(draft)
        XCTAssertEqual(try log.draft()?.report.description, "Half typed")
        XCTAssertEqual(try log.draft()?.step, 3)
        XCTAssertEqual(try workspace.store.auditEntries().count, before)
        XCTAssertTrue(workspace.store.check().isEmpty, "a draft is not a document missing from the audit log: \(workspace.store.check())")
        _ = try log.submit(completeReport())
        XCTAssertNil(try log.draft())
    }

    func testChronologyAndFiltersFindAPersonsIncidentsInDateOrder() throws {
        var later = completeReport()
        later.occurredOn = CivilDate(year: 2026, month: 11, day: 22)
        var earlier = completeReport()
        earlier.occurredOn = CivilDate(year: 2026, month: 3, day: 2)
        earlier.typeIDs = ["bullying"]
        var other = completeReport()
        other.involved = [InvolvedParty(kind: .child, name: "Arlo Baptiste")]
        let a = try log.submit(later), b = try log.submit(earlier), c = try log.submit(other)
        XCTAssertEqual(log.chronology(personID: nil, name: "zoë ōkubo").map(\.id), [b.id, a.id])
        try log.close(c.id, outcome: "done")
        XCTAssertEqual(log.filtered(by: IncidentFilter(status: .closed), term: SchoolTermLabel.usual).map(\.id), [c.id])
        XCTAssertEqual(log.filtered(by: IncidentFilter(typeID: "bullying"), term: SchoolTermLabel.usual).map(\.id), [b.id])
        XCTAssertEqual(log.filtered(by: IncidentFilter(term: SchoolTermLabel(season: .spring, year: 2026)), term: SchoolTermLabel.usual).map(\.id), [b.id])
        XCTAssertEqual(Set(log.filtered(by: IncidentFilter(person: "zoe"), term: SchoolTermLabel.usual).map(\.id)), [a.id, b.id])
    }

    func testGovernorsFiguresCountByTypeAndTermWithoutNames() throws {
        var spring = completeReport()
        spring.occurredOn = CivilDate(year: 2026, month: 2, day: 10)
        spring.typeIDs = ["bullying", "gambling"]
        _ = try log.submit(spring)
        _ = try log.submit(completeReport())
        _ = try log.submit(completeReport())
        let figures = GovernorFigures(records: log.summaries, form: log.form, dateOf: { $0.date() }, term: SchoolTermLabel.usual)
        XCTAssertEqual(figures.total, 3)
        XCTAssertEqual(figures.byType.first { $0.label == "Online gambling" }?.count, 3)
        XCTAssertEqual(figures.byType.first { $0.label.hasPrefix("Bullying") }?.count, 1)
        XCTAssertEqual(figures.byTerm.map(\.label), ["Spring 2026", "Autumn 2026"])
        XCTAssertEqual(figures.byTerm.map(\.count), [1, 2])
        let everything = (figures.byType.map(\.label) + figures.byTerm.map(\.label)).joined()
        XCTAssertFalse(everything.contains("Zoë"))
    }

    func testTheReportReadsLikeThePaperFormInBothFormats() throws {
        var report = completeReport()
        report.staffActions = [ActionTaken(itemID: "reported-police", by: "Amira Haddad", on: CivilDate(year: 2026, month: 11, day: 21)!)]
        let record = try log.submit(report)
        let text = IncidentReportText(record: record, form: log.form, profile: workspace.profile, contactOfficer: nil).render(.text)
        for section in ["School/organisation's details", "Details of incident", "Type of incident", "Description of incident",
                        "Nature of incident", "Action taken", "Outcome of incident/investigation"] {
            XCTAssertTrue(text.contains(section + "\n" + String(repeating: "-", count: section.count)), "missing \(section)")
        }
        XCTAssertTrue(text.contains("  [x] Online gambling"))
        XCTAssertTrue(text.contains("  [ ] Terrorist material"))
        XCTAssertTrue(text.contains("  [x] Incident reported to police  (Amira Haddad, 21/11/2026)"))
        XCTAssertTrue(text.contains("  [x] child/young person  (Zoë Ōkubo)"))
        let markdown = IncidentReportText(record: record, form: log.form, profile: workspace.profile, contactOfficer: nil).render(.markdown)
        XCTAssertTrue(markdown.hasPrefix("# E-safety Incident Report Form: 2026-0001"))
        XCTAssertTrue(markdown.contains("## Nature of incident"))
        XCTAssertTrue(markdown.contains("- \\[x\\] Online gambling"))
    }

    func testExportsCarryEveryIncident() throws {
        let record = try log.submit(completeReport(description: "Line one, with a comma"))
        let csv = try IncidentExport.incidents(try log.allRecords(), form: log.form, format: .csv)
        XCTAssertTrue(csv.hasPrefix("id,status,date_happened"))
        XCTAssertTrue(csv.contains("\(record.id),open,2026-11-20,"))
        XCTAssertTrue(csv.contains("\"Line one, with a comma\""))
        let json = try IncidentExport.incidents(try log.allRecords(), form: log.form, format: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual((object?["incidents"] as? [[String: Any]])?.first?["id"] as? String, record.id)
    }
}
