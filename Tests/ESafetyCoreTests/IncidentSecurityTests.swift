import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// Incidents once esafety is set up: sealed at rest, and each level allowed only its part.
final class IncidentSecurityTests: StoreTestCase {
    private var workspace: Workspace!
    private var office: Session!, lead: Session!, head: Session!, cpLead: Session!, governor: Session!
    private var leadPerson: Person!, officePerson: Person!

    override func setUpWithError() throws {
        try super.setUpWithError()
        let people: [String: Person]
        (workspace, people) = try schoolWithAccounts(others: [("Grace Mensah", Role.WellKnown.childProtectionLead),
                                                              ("Peter Okafor", Role.WellKnown.linkGovernor)])
        head = workspace.session
        leadPerson = people["Tom Whitfield"]; officePerson = people["Siobhán Byrne"]
        lead = try signIn(leadPerson, to: workspace); office = try signIn(officePerson, to: workspace)
        cpLead = try signIn(people["Grace Mensah"]!, to: workspace); governor = try signIn(people["Peter Okafor"]!, to: workspace)
    }

    private func report(_ description: String, staffAllegationAgainst subject: Person? = nil) -> IncidentReport {
        officeReport(description, on: workspace.today, allegationAgainst: subject)
    }

    /// Every byte of every file under the store, searched for a text.
    private func filesContaining(_ text: String) throws -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(at: storeURL, includingPropertiesForKeys: nil)!
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let data = try Data(contentsOf: url)
            if data.range(of: Data(text.utf8)) != nil { found.append(url.lastPathComponent) }
        }
        return found
    }

    func testNoFileHoldsTheDescriptionOfARecordedIncidentOrItsDraft() throws {
        let unique = "Unique-\(UUID().uuidString) pupil shared a link"
        workspace.session = office
        let log = try workspace.incidents()
        try log.saveDraft(IncidentDraft(report: report(unique + " (draft)"), startedAt: Date(), savedAt: Date()))
        XCTAssertEqual(try log.draft()?.report.description, unique + " (draft)", "the author reads their own draft back")
        XCTAssertEqual(try filesContaining(unique), [], "the draft is sealed")
        let record = try log.submit(report(unique))
        XCTAssertEqual(try filesContaining(unique), [], "no file under the store holds the description")
        XCTAssertEqual(try filesContaining("Zoë Ōkubo"), [], "nor the names of those involved")
        let file = try String(contentsOfFile: path("incidents/\(record.id).json"), encoding: .utf8)
        XCTAssertTrue(file.contains("\"status\" : \"open\"") && file.contains("\"sealed\""), file)

        workspace.session = lead
        XCTAssertEqual(try workspace.incidents().record(record.id)?.report.description, unique, "a lead opens it")
    }

    func testStaffRecordAndGetAReceiptButCannotReadOrChangeIncidents() throws {
        workspace.session = office
        let log = try workspace.incidents()
        let receipt = try log.submit(report("first"))
        XCTAssertEqual(receipt.id.count, 9)
        XCTAssertTrue(log.summaries.isEmpty, "a reporter cannot open what they sealed, nor list others'")
        XCTAssertEqual(log.unreadableCount, 1)
        XCTAssertThrowsError(try log.close(receipt.id, outcome: "done")) { error in
            XCTAssertEqual(error as? AccessError, .notAllowed(.manageIncidents, .staff))
        }
        XCTAssertThrowsError(try workspace.require(.exportIncidents))
        XCTAssertEqual(try log.governorFigures().total, 1)

        workspace.session = governor
        let governorLog = try workspace.incidents()
        XCTAssertTrue(governorLog.summaries.isEmpty)
        XCTAssertThrowsError(try governorLog.submit(report("governor"))) { XCTAssertEqual($0 as? AccessError, .notAllowed(.recordIncident, .governor)) }
        XCTAssertEqual(try governorLog.governorFigures().byType.first { $0.label.hasPrefix("Bullying") }?.count, 1, "figures, without names")

        workspace.session = cpLead
        let cpLog = try workspace.incidents()
        XCTAssertEqual(cpLog.summaries.map(\.id), [receipt.id])
        try cpLog.close(receipt.id, outcome: "Spoken to parents")
        XCTAssertEqual(try workspace.store.auditEntries().last?.actor.name, "Grace Mensah")

        workspace.session = nil
        XCTAssertThrowsError(try workspace.incidents().submit(report("nobody"))) { XCTAssertEqual($0 as? AccessError, .notSignedIn) }
    }

    func testAnAllegationAgainstStaffIsForTheHeadAndTheLeadUnlessTheyAreTheSubject() throws {
        workspace.session = office
        let aboutOffice = try workspace.incidents().submit(report("about the office", staffAllegationAgainst: officePerson))
        let aboutLead = try workspace.incidents().submit(report("about the lead", staffAllegationAgainst: leadPerson))

        workspace.session = head
        XCTAssertEqual(Set(try workspace.incidents().summaries.map(\.id)), [aboutOffice.id, aboutLead.id])
        workspace.session = lead
        XCTAssertEqual(try workspace.incidents().summaries.map(\.id), [aboutOffice.id], "not the one about the lead")
        XCTAssertThrowsError(try workspace.incidents().close(aboutLead.id, outcome: "x")) {
            XCTAssertEqual($0 as? AccessError, .restrictedIncident(aboutLead.id))
        }
        workspace.session = cpLead
        XCTAssertTrue(try workspace.incidents().summaries.isEmpty, "child-protection leads do not see allegations against staff")
    }

    func testARecordChangedSinceTheLogOpenedIsCheckedAgainWhenOpened() throws {
        workspace.session = office
        let incident = try workspace.incidents().submit(report("changed while the lead looks"))
        workspace.store.close()
        // The lead looks, read-only, while the head (the writer) makes it an allegation against the lead.
        let looking = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        looking.session = try looking.accounts().signIn(personID: leadPerson.id, passphrase: "passphrase \(leadPerson.id)")
        let leadsLog = try looking.incidents()
        XCTAssertEqual(leadsLog.summaries.map(\.id), [incident.id])
        let writing = try Workspace.open(at: storeURL, access: .readWrite, actor: sam)
        writing.session = try writing.accounts().signIn(personID: head.personID, passphrase: "passphrase \(head.personID)")
        try writing.incidents().revise(incident.id, report: report("changed while the lead looks", staffAllegationAgainst: leadPerson),
                                       reason: "The child named the lead")
        XCTAssertNil(try leadsLog.loadRecord(incident.id), "the version on disk is about the lead: not theirs to open")
        XCTAssertTrue(leadsLog.summaries.isEmpty, "and it leaves the lead's list")
        XCTAssertEqual(leadsLog.unreadableCount, 1)
        writing.store.close()
    }

    func testASaveThatMakesARecordRestrictedToTheSaverTakesItOutOfTheirLog() throws {
        workspace.session = office
        let incident = try workspace.incidents().submit(report("revised by the lead"))
        workspace.session = lead
        let log = try workspace.incidents()
        try log.revise(incident.id, report: report("revised by the lead", staffAllegationAgainst: leadPerson), reason: "The child named me")
        XCTAssertTrue(log.summaries.isEmpty)
        XCTAssertNil(log.record(incident.id))
        XCTAssertThrowsError(try log.close(incident.id, outcome: "x")) { XCTAssertEqual($0 as? AccessError, .restrictedIncident(incident.id)) }
        workspace.session = head
        XCTAssertEqual(try workspace.incidents().summaries.map(\.id), [incident.id], "the head still sees it")
    }

    func testAFileDatedCenturiesAheadIsListedNotATrap() throws {
        workspace.session = office
        let incident = try workspace.incidents().submit(report("from the far future"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 11_000_000_000)],  // the year 2318
                                              ofItemAtPath: path("incidents/\(incident.id).json"))
        workspace.session = lead
        XCTAssertEqual(try workspace.incidents().summaries.map(\.id), [incident.id])
        workspace.session = office
        XCTAssertEqual(try workspace.incidents().allIDs, [incident.id])
    }

    func testSettingUpSealsIncidentsRecordedBefore() throws {
        let other = root.appendingPathComponent("other")
        let before = try Workspace.create(at: other, actor: sam)
        let person = try before.addPerson(fullName: "Amira Haddad")
        try before.assign(personID: person.id, to: Role.WellKnown.headTeacher)
        let record = try before.incidents().submit(report("recorded before set-up"))
        let plain = other.appendingPathComponent("incidents/\(record.id).json")
        XCTAssertTrue(try String(contentsOf: plain, encoding: .utf8).contains("recorded before set-up"))
        _ = try before.setUp(administrator: person.id, passphrase: "head passphrase")
        XCTAssertFalse(try String(contentsOf: plain, encoding: .utf8).contains("recorded before set-up"))
        XCTAssertEqual(try before.incidents().record(record.id)?.report.description, "recorded before set-up")
    }

    func testTheOtherAreasFollowTheLevelsToo() throws {
        let today = workspace.today
        workspace.session = governor
        XCTAssertThrowsError(try workspace.aup.tick(personID: "nobody")) {
            XCTAssertEqual($0 as? AccessError, .notAllowed(.recordSignatures, .governor))
        }
        XCTAssertThrowsError(try workspace.reviews.markDone("policy-review", date: today, doneBy: "Peter Okafor")) {
            XCTAssertEqual($0 as? AccessError, .notAllowed(.manageReviews, .governor))
        }
        XCTAssertThrowsError(try workspace.addPerson(fullName: "Someone New")) {
            XCTAssertEqual($0 as? AccessError, .notAllowed(.editDirectory, .governor))
        }
        workspace.session = office
        XCTAssertThrowsError(try workspace.reviews.markDone("policy-review", date: today, doneBy: "Siobhán Byrne"))
        XCTAssertThrowsError(try workspace.aup.publish(kind: .pupil, text: "New rules")) {
            XCTAssertEqual($0 as? AccessError, .notAllowed(.publishAUP, .staff))
        }
        var profile = workspace.profile
        profile.schoolName = "Changed"
        XCTAssertThrowsError(try workspace.updateProfile(profile)) { XCTAssertEqual($0 as? AccessError, .notAllowed(.editSettings, .staff)) }
        workspace.session = lead
        XCTAssertNoThrow(try workspace.reviews.markDone("policy-review", date: today, doneBy: "Tom Whitfield"))
        XCTAssertNoThrow(try workspace.addPerson(fullName: "Someone New"))
        XCTAssertThrowsError(try workspace.updateProfile(profile), "settings are for administrators")
        workspace.session = head
        XCTAssertNoThrow(try workspace.updateProfile(profile))
    }
}

/// The retention review is fed by the incidents a lead may read, with dates of birth from the roster.
final class RetentionFromIncidentsTests: StoreTestCase {
    func testTheRetentionReviewListsEachChildOfEachReadableIncident() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        let report = try XCTUnwrap(workspace.reviews.retentionReport(), "incidents are connected to the retention review")
        // The demo's incident pupils are roster pupils, with dates of birth, and none is 25 yet.
        XCTAssertTrue(report.due.isEmpty, "no demo pupil is 25 yet")
        XCTAssertEqual(report.withoutDateOfBirth, [], "every demo incident pupil is on the roster with a date of birth")

        workspace.session = nil
        XCTAssertEqual(workspace.reviews.retentionReport()?.withoutDateOfBirth.count, 0,
                       "nobody signed in: no incident can be read, so none is listed")
    }
}
