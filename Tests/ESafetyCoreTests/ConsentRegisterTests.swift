import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// The image consent register on a real store: forms, withdrawals, the "who may not be
/// photographed" list, images to review, the all-or-nothing import, permissions and the audit.
final class ConsentRegisterTests: StoreTestCase {
    /// A school with accounts (head teacher signed in), a governor, and six pupils in 4B and 5A.
    private func school() throws -> (Workspace, [String: Person]) {
        let (workspace, people) = try schoolWithAccounts(others: [("Imogen Fairweather", Role.WellKnown.linkGovernor)])
        workspace.timeZone = TimeZone(identifier: "UTC")!
        workspace.now = { ISO8601DateFormatter().date(from: "2026-11-25T10:00:00Z")! }
        let csv = "Forename,Surname,Reg Group,DOB,UPN\n" + [("Zoë", "Ōkubo", "4B"), ("Ada", "Fictional", "4B"), ("Bea", "Fictional", "4B"),
                                                        ("Cai", "Fictional", "5A"), ("Dev", "Fictional", "5A"), ("Eli", "Fictional", "5A")]
            .enumerated().map { "\($1.0),\($1.1),\($1.2),01/02/2017,\(fictionalUPN(2000 + $0))" }.joined(separator: "\n") + "\n"
        try workspace.aup.apply(try PeopleImport.plan(csv: csv, sourceName: "roster.csv", register: workspace.aup))
        return (workspace, people)
    }

    private func pupil(_ name: String, _ workspace: Workspace) throws -> RosterPerson {
        try XCTUnwrap(workspace.aup.people(in: .pupil).first { $0.fullName == name })
    }

    private let day = CivilDate(year: 2026, month: 9, day: 8)!

    func testAFormGivesTheTickedUsesAndRefusesTheRestAndAWithdrawalIsKeptWithItsDateAndWho() throws {
        let (workspace, _) = try school()
        let zoe = try pupil("Zoë Ōkubo", workspace)
        try workspace.consents.recordForm(personID: zoe.id, given: [.website, .displays, .pupilsWork], by: "Kenji Ōkubo", on: day, formVersion: "2026-v1")
        var consent = workspace.consents.consent(of: zoe.id)
        XCTAssertEqual(ConsentUse.allCases.map { consent.state($0).word }, ["yes", "no", "no", "yes", "yes"])
        XCTAssertEqual(consent.latestForm?.formVersion, "2026-v1")
        XCTAssertEqual(consent.latestForm?.by, "Kenji Ōkubo")

        let withdrawnOn = CivilDate(year: 2026, month: 11, day: 20)!
        try workspace.consents.withdraw(personID: zoe.id, uses: [.website], by: "Kenji Ōkubo", on: withdrawnOn)
        consent = workspace.consents.consent(of: zoe.id)
        XCTAssertEqual(consent.state(.website).word, "withdrawn")
        XCTAssertTrue(consent.allows(.displays))
        XCTAssertEqual(consent.latestWithdrawal?.on, withdrawnOn)
        XCTAssertEqual(consent.latestWithdrawal?.recordedBy.name, "Amira Haddad")

        // Kept on disk, and read again by another session.
        let reopened = try Workspace.open(at: storeURL, actor: sam)
        try reopened.consents.load()
        XCTAssertEqual(reopened.consents.consent(of: zoe.id).history.count, 2)
        let entries = try workspace.store.auditEntries()
        XCTAssertTrue(entries.contains { $0.action == "consent.form" && $0.recordID == zoe.id && $0.summary.contains("signed by Kenji Ōkubo") })
        XCTAssertTrue(entries.contains { $0.action == "consent.withdraw" && $0.summary.contains("School website") })
        XCTAssertTrue(workspace.store.check().isEmpty, "every consent file is accounted for by the audit log")
    }

    func testTheNotPhotographedListNamesPupilsWithNoFormOrARefusedUse() throws {
        let (workspace, _) = try school()
        let register = workspace.consents
        for name in ["Zoë Ōkubo", "Ada Fictional"] {
            try register.recordForm(personID: try pupil(name, workspace).id, given: Set(ConsentUse.allCases), by: "A parent", on: day, formVersion: "v1")
        }
        try register.recordForm(personID: try pupil("Bea Fictional", workspace).id, given: [.displays, .pupilsWork], by: "A carer", on: day, formVersion: "v1")
        let lines = try register.notPhotographed(try register.pupils(inClass: "4B"))
        XCTAssertEqual(lines.map(\.pupil.fullName), ["Bea Fictional"])
        XCTAssertEqual(lines.first?.reason, "Not for: School website, Social media, Newsletter and press")
        // A trip of both classes: the 5A pupils returned no form.
        let trip = try register.pupils(inClass: "4B") + register.pupils(inClass: "5A")
        let tripLines = try register.notPhotographed(trip)
        XCTAssertEqual(tripLines.map(\.pupil.fullName), ["Bea Fictional", "Cai Fictional", "Dev Fictional", "Eli Fictional"])
        XCTAssertEqual(tripLines.last?.reason, "No consent form returned")
        let text = ConsentExport.notPhotographedText(title: "Trip to Wells", lines: tripLines, pupilCount: trip.count, today: workspace.today)
        XCTAssertTrue(text.contains("Who may not be photographed: Trip to Wells"))
        XCTAssertTrue(text.contains("4 of 6 pupils"))
        XCTAssertThrowsError(try register.pupils(inClass: "9Z")) { XCTAssertEqual($0 as? ConsentError, .unknownClass("9Z")) }
    }

    func testAnImageStillInUseAfterAWithdrawalIsAReviewItemUntilItIsTakenDown() throws {
        let (workspace, _) = try school()
        let register = workspace.consents
        let zoe = try pupil("Zoë Ōkubo", workspace), ada = try pupil("Ada Fictional", workspace)
        for person in [zoe, ada] { try register.recordForm(personID: person.id, given: Set(ConsentUse.allCases), by: "A parent", on: day, formVersion: "v1") }
        let image = try register.addImage(description: "Sports day, website news", use: .website, pupilIDs: [zoe.id, ada.id], publishedOn: day)
        XCTAssertTrue(try register.imagesToReview().isEmpty)
        try register.withdraw(personID: zoe.id, by: "Kenji Ōkubo", on: CivilDate(year: 2026, month: 11, day: 24)!)
        let review = try register.imagesToReview()
        XCTAssertEqual(review.map(\.image.id), [image.id])
        XCTAssertEqual(review.first?.pupils.map(\.id), [zoe.id], "only the pupil whose consent went")
        XCTAssertTrue(review.first?.summary.contains("withdrawn 24/11/2026 by Kenji Ōkubo") ?? false, review.first?.summary ?? "")
        XCTAssertEqual(try workspace.policyFigures().consent.first { $0.label == "Images in use to review" }?.count, 1)
        try register.removeImage(image.id, on: workspace.today)
        XCTAssertTrue(try register.imagesToReview().isEmpty)
        XCTAssertThrowsError(try register.removeImage(image.id, on: workspace.today)) { XCTAssertEqual($0 as? ConsentError, .alreadyRemoved(image.id)) }
    }

    func testBadChangesAreRefusedWithAReasonAndChangeNothing() throws {
        let (workspace, _) = try school()
        let register = workspace.consents
        let zoe = try pupil("Zoë Ōkubo", workspace)
        let tomorrow = CivilDate(year: 2026, month: 11, day: 26)!
        XCTAssertThrowsError(try register.recordForm(personID: zoe.id, given: [.website], by: "A parent", on: tomorrow, formVersion: "v1")) {
            XCTAssertEqual($0 as? ConsentError, .inTheFuture(tomorrow))
        }
        XCTAssertThrowsError(try register.recordForm(personID: zoe.id, given: [.website], by: "  ", on: day, formVersion: "v1")) {
            XCTAssertEqual($0 as? ConsentError, .noGiver)
        }
        XCTAssertThrowsError(try register.recordForm(personID: zoe.id, given: [.website], by: "A parent", on: day, formVersion: "")) {
            XCTAssertEqual($0 as? ConsentError, .noFormVersion)
        }
        XCTAssertThrowsError(try register.withdraw(personID: zoe.id, by: "A parent", on: day)) {
            XCTAssertEqual($0 as? ConsentError, .nothingToWithdraw("Zoë Ōkubo"))
        }
        XCTAssertThrowsError(try register.recordForm(personID: "staff-0001", given: [], by: "A parent", on: day, formVersion: "v1")) {
            XCTAssertEqual($0 as? ConsentError, .notAPupil("staff-0001"))
        }
        XCTAssertTrue(register.consent(of: zoe.id).history.isEmpty)
        XCTAssertFalse(try workspace.store.auditEntries().contains { $0.action.hasPrefix("consent.") })
    }

    func testStaffMayRecordAndReadButGovernorsSeeOnlyCounts() throws {
        let (workspace, people) = try school()
        let zoe = try pupil("Zoë Ōkubo", workspace)
        workspace.session = try signIn(try XCTUnwrap(people["Siobhán Byrne"]), to: workspace)
        try workspace.consents.recordForm(personID: zoe.id, given: [.website], by: "A parent", on: day, formVersion: "v1")
        XCTAssertEqual(try workspace.consents.notPhotographed([zoe], uses: [.website]).count, 0)
        workspace.session = try signIn(try XCTUnwrap(people["Imogen Fairweather"]), to: workspace)
        XCTAssertThrowsError(try workspace.consents.pupils()) { XCTAssertTrue($0 is AccessError, "\($0)") }
        XCTAssertThrowsError(try workspace.consents.notPhotographed([zoe])) { XCTAssertTrue($0 is AccessError) }
        XCTAssertThrowsError(try workspace.consents.withdraw(personID: zoe.id, by: "A parent", on: day)) { XCTAssertTrue($0 is AccessError) }
        XCTAssertThrowsError(try ConsentExport.consents(workspace.consents, format: .csv)) { XCTAssertTrue($0 is AccessError) }
        let figures = try workspace.policyFigures()
        XCTAssertEqual(figures.consent.first { $0.label == "Consent form returned" }?.count, 1)
        XCTAssertFalse(figures.lines.joined().contains("Zoë"), "no names in the governors' figures")
    }

    func testTheImportIsAllOrNothingAndNamesEachBadLine() throws {
        let (workspace, _) = try school()
        let header = "UPN,Forename,Surname,Reg Group,Consent: Website,Consent: Social media,Consent: Newsletter and press,Consent: Displays,Consent: Pupils' work,Consent given by,Consent date,Consent form version\n"
        let good = [
            "\(fictionalUPN(2000)),Zoë,Ōkubo,4B,Y,N,Y,Y,Y,Kenji Ōkubo,08/09/2026,2026-v1",
            "\(fictionalUPN(2001)),Ada,Fictional,4B,Yes,Yes,Yes,Yes,Yes,Ann Fictional,2026-09-09,2026-v1",
            "\(fictionalUPN(2002)),Bea,Fictional,4B,,,,,,,,",
        ]
        let bad = good + [",Nobody,Known,4B,Y,Y,Y,Y,Y,X,08/09/2026,v1", "\(fictionalUPN(2003)),Cai,Fictional,5A,maybe,Y,Y,Y,Y,,31/02/2026,v1"]
        XCTAssertThrowsError(try ConsentImport.plan(csv: header + bad.joined(separator: "\n"), sourceName: "mis.csv", register: workspace.consents)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("line 5: no pupil on the roster matches Nobody Known"), text)
            XCTAssertTrue(text.contains("line 6: the answer for School website “maybe” is not yes or no"), text)
            XCTAssertTrue(text.contains("line 6: who gave consent is missing"), text)
            XCTAssertTrue(text.contains("line 6: the consent date “31/02/2026” is not a date"), text)
            XCTAssertTrue(text.contains("Nothing was imported"), text)
        }
        XCTAssertFalse(try workspace.store.auditEntries().contains { $0.action == "consent.import" })

        let plan = try ConsentImport.plan(csv: header + good.joined(separator: "\n"), sourceName: "mis.csv", register: workspace.consents)
        XCTAssertEqual(plan.forms.count, 2, "the row with no answers is skipped")
        try workspace.consents.apply(plan)
        let zoe = try pupil("Zoë Ōkubo", workspace)
        XCTAssertEqual(workspace.consents.consent(of: zoe.id).state(.socialMedia).word, "no")
        XCTAssertEqual(workspace.consents.consent(of: zoe.id).latestForm?.formVersion, "2026-v1")
        XCTAssertEqual(try workspace.store.auditEntries().filter { $0.action == "consent.import" }.count, 1, "one commit")
        let again = try ConsentImport.plan(csv: header + good.joined(separator: "\n"), sourceName: "mis.csv", register: workspace.consents)
        XCTAssertEqual(again.forms.count, 0)
        XCTAssertEqual(again.unchanged, 2)
        XCTAssertThrowsError(try ConsentImport.plan(csv: "Name,Class\nZoë Ōkubo,4B\n", sourceName: "x.csv", register: workspace.consents)) {
            XCTAssertTrue(String(describing: $0).contains("No consent columns"))
        }
    }

    func testTwoSessionsRecordingInTheSameFileKeepBoth() throws {
        let (workspace, people) = try school()
        let other = try Workspace.open(at: storeURL, actor: sam)
        other.timeZone = workspace.timeZone
        other.now = workspace.now
        other.session = try signIn(try XCTUnwrap(people["Siobhán Byrne"]), to: other)
        try other.consents.load()
        try workspace.consents.load()
        // Both sessions write Zoë's shard: the second finds it changed, reads it again and keeps the first's form.
        let zoe = try pupil("Zoë Ōkubo", workspace), ada = try pupil("Ada Fictional", workspace)
        try workspace.consents.recordForm(personID: zoe.id, given: [.website], by: "A parent", on: day, formVersion: "v1")
        try other.consents.recordForm(personID: zoe.id, given: [.displays], by: "Another parent", on: day, formVersion: "v1")
        try other.consents.recordForm(personID: ada.id, given: [.website], by: "A carer", on: day, formVersion: "v1")
        let reread = try Workspace.open(at: storeURL, actor: sam)
        try reread.consents.load()
        XCTAssertEqual(reread.consents.consent(of: zoe.id).history.map(\.by), ["A parent", "Another parent"], "the first session's form was kept")
        XCTAssertEqual(reread.consents.consent(of: ada.id).history.count, 1)
        try workspace.refresh()
        XCTAssertEqual(workspace.consents.consent(of: zoe.id).history.count, 2, "the first session sees the other's form after a refresh")
    }
}
