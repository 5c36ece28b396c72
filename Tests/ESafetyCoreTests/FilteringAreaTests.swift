import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Filtering and monitoring on a real store: the log of checks, the annual review linked to the
/// review schedule, unblock requests that only the head teacher decides, and alerts as incidents.
final class FilteringAreaTests: StoreTestCase {
    private func school() throws -> (Workspace, [String: Person]) {
        let (workspace, people) = try schoolWithAccounts(others: [("Imogen Fairweather", Role.WellKnown.linkGovernor)])
        workspace.timeZone = TimeZone(identifier: "UTC")!
        workspace.now = { ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z")! }
        return (workspace, people)
    }

    private let day = CivilDate(year: 2026, month: 11, day: 20)!

    func testACheckIsLoggedWithWhatWasTestedAndAFailedCheckNeedsItsActions() throws {
        let (workspace, _) = try school()
        let area = workspace.filtering
        let check = try area.recordCheck(date: day, checkedBy: "Tom Whitfield", categories: ["illegal", "Adult", "self-harm", "proxy sites"],
                                         device: "Year 5 laptop", location: "ICT suite", userGroup: "Pupils (KS2)", result: .passed,
                                         resultDetail: "All blocked", actions: "")
        XCTAssertEqual(check.id, "check-0001")
        XCTAssertEqual(check.categories, ["illegal", "adult", "self-harm", "proxy sites"])
        XCTAssertThrowsError(try area.recordCheck(date: day, checkedBy: "Tom", categories: ["gambling"], device: "iPad", location: "Library",
                                                  userGroup: "Pupils", result: .failed, resultDetail: "Got through", actions: "")) {
            XCTAssertEqual($0 as? FilteringError, .missing("what was done about the failed check (actions)"))
        }
        XCTAssertThrowsError(try area.recordCheck(date: day, checkedBy: "Tom", categories: [], device: "iPad", location: "Library",
                                                  userGroup: "Pupils", result: .passed, resultDetail: "", actions: "")) {
            XCTAssertEqual($0 as? FilteringError, .noCategories)
        }
        XCTAssertEqual(try area.checks().count, 1)
        XCTAssertTrue(try workspace.store.auditEntries().contains { $0.action == "filtering.check" && $0.recordID == "check-0001" })
        XCTAssertTrue(workspace.store.check().isEmpty)
    }

    func testTheAnnualReviewNamesTheSeniorLeaderAndGovernorAndMarksTheScheduleDoneInOneCommit() throws {
        let (workspace, _) = try school()
        let before = try workspace.store.auditEntries().count
        let review = try workspace.filtering.recordReview(date: day, seniorLeader: "Amira Haddad", governor: "Imogen Fairweather",
                                                          findings: "Blocks the IWF list; allows BBC Bitesize video, for teaching.")
        let entries = try workspace.store.auditEntries()
        XCTAssertEqual(entries.count, before + 1, "one commit")
        let documents = Set(entries.last?.documents?.map(\.document) ?? [])
        XCTAssertEqual(documents, [FilteringArea.document, ReviewsArea.Documents.schedule])
        let item = try XCTUnwrap(workspace.reviews.schedule.item(FilteringArea.reviewItemID))
        XCTAssertEqual(item.lastDone?.date, day)
        XCTAssertEqual(item.lastDone?.evidence, "Filtering review \(review.id)")
        // Another session sees it.
        let other = try Workspace.open(at: storeURL, actor: sam)
        XCTAssertEqual(other.reviews.schedule.item(FilteringArea.reviewItemID)?.lastDone?.date, day)
        XCTAssertThrowsError(try workspace.filtering.recordReview(date: day, seniorLeader: "", governor: "Imogen", findings: "x")) {
            XCTAssertEqual($0 as? FilteringError, .missing("the named senior leader"))
        }
    }

    func testOnlyTheHeadTeacherDecidesAnUnblockRequest() throws {
        let (workspace, people) = try school()
        workspace.session = try signIn(try XCTUnwrap(people["Siobhán Byrne"]), to: workspace)
        let request = try workspace.filtering.requestUnblock(site: "www.roman-baths.example", reason: "Year 4 topic")
        XCTAssertEqual(request.requestedBy, "Siobhán Byrne")
        XCTAssertThrowsError(try workspace.filtering.decide(request.id, .approved, allowed: "all", why: "ok")) { XCTAssertTrue($0 is AccessError) }
        XCTAssertThrowsError(try workspace.filtering.checks()) { XCTAssertTrue($0 is AccessError, "office staff do not read the log") }
        workspace.session = try signIn(try XCTUnwrap(people["Tom Whitfield"]), to: workspace)
        XCTAssertThrowsError(try workspace.filtering.decide(request.id, .approved, allowed: "all", why: "ok")) {
            XCTAssertTrue($0 is AccessError, "the e-safety lead may not decide either")
        }
        XCTAssertEqual(try workspace.filtering.requests().first?.state, "pending")
        workspace.session = try signIn(try XCTUnwrap(people["Amira Haddad"]), to: workspace)
        XCTAssertThrowsError(try workspace.filtering.decide(request.id, .approved, allowed: " ", why: "Educational")) {
            XCTAssertEqual($0 as? FilteringError, .missing("what is allowed (the site or pages, for whom, until when)"))
        }
        try workspace.filtering.decide(request.id, .approved, allowed: "Collection pages, staff and KS2, until July", why: "Educational")
        let decided = try XCTUnwrap(try workspace.filtering.requests().first)
        XCTAssertEqual(decided.decision, .approved)
        XCTAssertEqual(decided.decidedBy?.name, "Amira Haddad")
        XCTAssertEqual(decided.decidedOn, workspace.today)
        XCTAssertThrowsError(try workspace.filtering.decide(request.id, .refused, allowed: "", why: "changed my mind")) {
            XCTAssertEqual($0 as? FilteringError, .alreadyDecided(request.id, "approved"))
        }
        let entry = try XCTUnwrap(try workspace.store.auditEntries().last { $0.action == "filtering.unblock.decide" })
        XCTAssertTrue(entry.summary.contains("allowed Collection pages"), entry.summary)
        XCTAssertEqual(entry.signer, people["Amira Haddad"]?.id, "signed by the head teacher")
    }

    func testAMonitoringAlertStartsAnIncident() throws {
        let (workspace, _) = try school()
        let alert = MonitoringAlert(provider: "Smoothwall Monitor", reference: "SM-1042", date: day, userName: "A fictional pupil",
                                    device: "Library iPad 3", typeID: "other", otherType: "Self-harm search", detail: "Searched for self-harm methods (severity 4)",
                                    access: .deliberate)
        let record = try workspace.filtering.recordAlert(alert)
        let stored = try XCTUnwrap(try workspace.incidents().loadRecord(record.id))
        XCTAssertEqual(stored.report.reporterRole, "Monitoring provider")
        XCTAssertEqual(stored.report.identifiedHow, "Monitoring alert SM-1042 from Smoothwall Monitor")
        XCTAssertTrue(stored.report.description.contains("Library iPad 3"))
        var incomplete = alert
        incomplete.userName = ""
        XCTAssertThrowsError(try workspace.filtering.recordAlert(incomplete)) { XCTAssertTrue(String(describing: $0).contains("Who was involved")) }
    }

    func testTheExportHasEveryRecordForRealClients() throws {
        let (workspace, _) = try school()
        try workspace.filtering.recordCheck(date: day, checkedBy: "Tom, with CompuTEAM", categories: ["gambling"], device: "iPad", location: "Library",
                                            userGroup: "Pupils", result: .passed, resultDetail: "Blocked \"bet\" sites", actions: "")
        _ = try workspace.filtering.requestUnblock(site: "www.example.org", reason: "Topic")
        let csv = try FilteringExport.filtering(workspace.filtering, format: .csv)
        XCTAssertTrue(csv.hasPrefix(FilteringExport.header.joined(separator: ",")))
        XCTAssertTrue(csv.contains("\"Tom, with CompuTEAM\""), csv)
        let json = try FilteringExport.filtering(workspace.filtering, format: .json)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let rows = try XCTUnwrap(object?["filtering"] as? [[String: String]])
        XCTAssertEqual(rows.map { $0["record"] }, ["check", "unblock-request"])
        XCTAssertEqual(rows.last?["decision"], "pending")
    }
}
