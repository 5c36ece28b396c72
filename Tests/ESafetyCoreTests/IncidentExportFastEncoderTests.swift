import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The JSON export writes each record with ``StoreFastEncoder``: byte for byte what the store's
/// encoder writes, on records with every field set and awkward text, with none, and the demo's
/// (flowchart walks included).
final class IncidentExportFastEncoderTests: StoreTestCase {
    private func assertSameAsTheEncoder(_ record: IncidentRecord, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try StoreJSON.makeEncoder().encode(record)
        let written = try XCTUnwrap(StoreFastEncoder.encode(record), what, file: file, line: line)
        XCTAssertEqual(String(decoding: written, as: UTF8.self), String(decoding: expected, as: UTF8.self), what, file: file, line: line)
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) throws -> CivilDate {
        try XCTUnwrap(CivilDate(year: year, month: month, day: day))
    }

    /// A record with every optional set, awkward text everywhere, and every list full.
    private func everything() throws -> IncidentRecord {
        let awkward = "Zoë \"Ōkubo\" \\ 李 😀\n\ttab\r\u{1B}[31m\u{07}\u{7F} / =SUM(A1), é"
        let actor = AuditActor(id: "person:P0003", name: awkward)
        var report = IncidentReport()
        report.occurredOn = try date(2026, 11, 20)
        report.occurredAt = try XCTUnwrap(try? ClockTime.parse("09:05").get())
        report.reporterName = awkward
        report.reporterRole = "Teacher"
        report.identifiedHow = awkward
        report.location = .outsideSchool
        report.involved = [InvolvedParty(kind: .child, name: awkward, personID: "R0042"), InvolvedParty(kind: .staff, name: "李"),
                           InvolvedParty(kind: .other, name: "")]
        report.allegationAgainstStaff = false
        report.typeIDs = ["bullying", "other"]
        report.otherType = awkward
        report.riskAreaIDs = ["contact"]
        report.description = awkward
        report.access = .accidental
        report.materialUseIDs = ["a", "b"]
        report.consideredAsIDs = ["c"]
        report.staffActions = [ActionTaken(itemID: "told-head", by: awkward, on: try date(2026, 11, 21))]
        report.childActions = [ActionTaken(itemID: "talked", by: "Tom", on: try date(2026, 11, 22))]
        report.specificAction = awkward
        report.outcome = awkward
        var record = IncidentRecord(id: "2026-0001", recordedAt: Date(timeIntervalSince1970: 1_795_600_800), recordedBy: actor, report: report)
        record.status = .closed
        record.statusHistory.append(IncidentRecord.StatusChange(at: Date(timeIntervalSince1970: 1_795_700_000), by: actor, from: .open,
                                                                to: .closed, reason: awkward))
        var earlier = report
        earlier.allegationAgainstStaff = nil
        earlier.occurredAt = nil
        record.revisions = [IncidentRecord.Revision(number: 1, replacedAt: Date(timeIntervalSince1970: 1_795_650_000), replacedBy: actor,
                                                    reason: awkward, report: earlier)]
        var done = FollowUpAction(id: 1, what: awkward, ownerPersonID: "P0001", ownerName: awkward, due: try date(2026, 12, 1))
        done.doneOn = try date(2026, 11, 30)
        done.doneBy = awkward
        record.followUps = [done, FollowUpAction(id: 2, what: "Check", ownerPersonID: nil, ownerName: "", due: try date(2027, 1, 1))]
        record.deviceReview = DeviceReview(reviewedOn: try date(2026, 11, 23), firstReviewer: awkward, secondReviewer: "Grace",
                                           deviceUsed: "Laptop 3", items: [DeviceReview.Item(siteOrDevice: awkward, reasonForConcern: "")],
                                           conclusion: awkward, action: "")
        record.transferredFrom = TransferOrigin(school: awkward, originalID: "2019-0004", bundleID: "B-1",
                                                sentAt: Date(timeIntervalSince1970: 1_700_000_000), receivedAt: Date(timeIntervalSince1970: 1_700_086_400))
        return record
    }

    func testARecordWithEverythingAndWithNothing() throws {
        let full = try everything()
        try assertSameAsTheEncoder(full, "everything set")
        var empty = IncidentRecord(id: "", recordedAt: Date(timeIntervalSince1970: -86_400), recordedBy: AuditActor(id: "", name: ""),
                                   report: IncidentReport())
        try assertSameAsTheEncoder(empty, "nothing set")
        empty.statusHistory = []
        try assertSameAsTheEncoder(empty, "not even a status change")
        var allegation = full
        allegation.report.allegationAgainstStaff = true
        allegation.deviceReview?.items = []
        try assertSameAsTheEncoder(allegation, "an allegation, a review with no items")
    }

    func testTheDemoRecordsWithTheirWalks() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        defer { workspace.store.close() }
        let walk = FlowchartWalk(id: 1, chartID: "chart", chartTitle: "Zoë's “chart”", chartVersion: 2, walkedAt: Date(timeIntervalSince1970: 1_795_600_800),
                                 walkedBy: AuditActor(id: "person:P0002", name: "Tom"),
                                 path: [FlowchartWalk.PathStep(stepID: "start", kind: .question, label: "Act now?")],
                                 answers: [FlowchartWalk.Answer(stepID: "start", question: "Act now?", optionID: "yes", answer: "Yes", reason: "")],
                                 outcomeStepID: "end", outcome: "Told the head", outcomeText: "Line one\nline two", actions: [])
        for record in try workspace.incidents().allRecords() {
            try assertSameAsTheEncoder(record, record.id)
            var walked = record
            walked.walks = [walk]
            try assertSameAsTheEncoder(walked, "\(record.id) with a walk")
        }
    }
}
