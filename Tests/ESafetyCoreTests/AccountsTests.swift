import Foundation
import XCTest
@testable import ESafetyCore

/// Sign-in, levels, the records key and recovery, on a real store with a cheap scrypt cost.
final class AccountsTests: StoreTestCase {
    private var workspace: Workspace!
    private var clock = Date(timeIntervalSince1970: 1_795_608_000)
    private var head: Person!, lead: Person!, office: Person!, governor: Person!, cpLead: Person!

    override func setUpWithError() throws {
        try super.setUpWithError()
        workspace = try Workspace.create(at: storeURL, actor: sam)
        workspace.now = { [unowned self] in self.clock }
        head = try workspace.addPerson(fullName: "Amira Haddad")
        lead = try workspace.addPerson(fullName: "Zoë Ōkubo")
        office = try workspace.addPerson(fullName: "Siobhán Byrne")
        governor = try workspace.addPerson(fullName: "Peter Okafor")
        cpLead = try workspace.addPerson(fullName: "Grace Mensah")
        try workspace.assign(personID: head.id, to: Role.WellKnown.headTeacher)
        try workspace.assign(personID: lead.id, to: Role.WellKnown.esafetyLead)
        try workspace.assign(personID: governor.id, to: Role.WellKnown.linkGovernor)
        try workspace.assign(personID: cpLead.id, to: Role.WellKnown.childProtectionLead)
        try workspace.accounts().costLog2 = 10
    }

    private func setUpHead() throws -> (Session, String) {
        let recovery = try workspace.setUp(administrator: head.id, passphrase: "correct horse battery")
        return (try XCTUnwrap(workspace.session), recovery)
    }

    func testSetUpStoresOnlyAHashAndSignInWorks() throws {
        let (session, recovery) = try setUpHead()
        XCTAssertEqual(session.level, .headTeacher)
        XCTAssertTrue(session.isAdministrator)
        XCTAssertNotNil(session.recordsKey)
        XCTAssertEqual(recovery.split(separator: "-").count, 13)
        let users = try String(contentsOfFile: path("users.json"), encoding: .utf8)
        XCTAssertFalse(users.contains("correct horse"), "the passphrase itself is never stored")
        let again = try workspace.accounts().signIn(personID: head.id, passphrase: "correct horse battery")
        XCTAssertNotNil(again.recordsKey)
        XCTAssertThrowsError(try workspace.accounts().setUp(administrator: lead.id, passphrase: "another passphrase", actor: sam)) {
            XCTAssertEqual($0 as? AccessError, .alreadySetUp)
        }
    }

    func testShortPassphrasesAreRefused() throws {
        XCTAssertThrowsError(try workspace.accounts().setUp(administrator: head.id, passphrase: "short", actor: sam)) {
            XCTAssertEqual($0 as? AccessError, .passphraseTooShort(minimum: 10))
        }
    }

    func testFiveWrongPassphrasesSlowTheNextAttempt() throws {
        _ = try setUpHead()
        let accounts = try workspace.accounts()
        for attempt in 1...5 {
            XCTAssertThrowsError(try accounts.signIn(personID: head.id, passphrase: "wrong passphrase \(attempt)")) { error in
                XCTAssertEqual(error as? AccessError, .wrongPassphrase(remainingBeforeDelay: max(0, 4 - attempt)))
            }
        }
        // Even the right passphrase must now wait.
        XCTAssertThrowsError(try accounts.signIn(personID: head.id, passphrase: "correct horse battery")) {
            XCTAssertEqual($0 as? AccessError, .tooSoon(secondsToWait: 2))
        }
        XCTAssertEqual(try Workspace.open(at: storeURL, access: .readOnly, actor: sam).accounts().throttle.failures[head.id]?.count, 5,
                       "the count survives a restart")
        clock += 3
        XCTAssertNoThrow(try accounts.signIn(personID: head.id, passphrase: "correct horse battery"))
        XCTAssertNil(accounts.throttle.failures[head.id])
        let failures = try workspace.store.auditEntries().filter { $0.action == "user.sign-in.failed" }
        XCTAssertEqual(failures.count, 5)
        XCTAssertTrue(failures.allSatisfy { $0.signer == nil && $0.documents?.map(\.document) == ["throttle"] },
                      "a wrong passphrase is counted unsigned (whoever failed has no key), in throttle.json alone")
        XCTAssertEqual(SignInThrottle.delay(afterFailures: 6), 4)
        XCTAssertEqual(SignInThrottle.delay(afterFailures: 40), 300)
    }

    func testEachLevelsAllowedAndRefusedOperations() throws {
        let (admin, _) = try setUpHead()
        let accounts = try workspace.accounts()
        for person in [lead!, office!, governor!, cpLead!] {
            try accounts.addUser(personID: person.id, passphrase: "passphrase for \(person.id)", isAdministrator: false, by: admin)
        }
        func session(_ person: Person) throws -> Session { try accounts.signIn(personID: person.id, passphrase: "passphrase for \(person.id)") }
        let staff = try session(office), gov = try session(governor), lead = try session(self.lead), cp = try session(cpLead)
        XCTAssertEqual([staff.level, gov.level, lead.level, cp.level], [.staff, .governor, .lead, .lead])

        for permission in [Permission.recordIncident, .recordSignatures, .readDirectory, .readReviews] { XCTAssertTrue(staff.can(permission)) }
        for permission in [Permission.readIncidents, .manageIncidents, .walkFlowchart, .exportIncidents, .viewFigures, .manageUsers] {
            XCTAssertFalse(staff.can(permission), "staff may not \(permission)")
        }
        XCTAssertThrowsError(try staff.require(.readIncidents)) {
            XCTAssertEqual(String(describing: $0), "As staff you may not read incidents other people recorded.")
        }
        XCTAssertTrue(gov.can(.viewFigures))
        for permission in [Permission.recordIncident, .readIncidents, .exportIncidents, .recordSignatures] { XCTAssertFalse(gov.can(permission)) }
        for permission in [Permission.readIncidents, .manageIncidents, .walkFlowchart, .exportIncidents, .viewFigures] {
            XCTAssertTrue(lead.can(permission)); XCTAssertTrue(cp.can(permission))
        }
        XCTAssertFalse(lead.can(.manageUsers), "only administrators manage users")
        XCTAssertTrue(admin.can(.manageUsers))
        XCTAssertThrowsError(try accounts.addUser(personID: "P0001", passphrase: "whatever passphrase", isAdministrator: false, by: lead))

        // Allegations against staff: the head; the lead unless the lead is the subject; not the CP lead.
        let authority = try XCTUnwrap(accounts.authority?.current)
        func summary(allegationAgainst subject: Person?) -> IncidentSummary {
            IncidentSummary(id: "2026-0001", recordedAt: clock, status: .open, occurredOn: nil, typeIDs: [], otherType: "",
                            involved: subject.map { [InvolvedParty(kind: .staff, name: $0.fullName, personID: $0.id)] } ?? [],
                            allegationAgainstStaff: subject != nil, followUps: [], walkCount: 0, recordedBy: sam)
        }
        func mayOpen(_ session: Session, _ incident: IncidentSummary) -> Bool {
            IncidentVault(currentAuthority: { authority }, session: session).mayOpen(incident)
        }
        XCTAssertTrue(mayOpen(admin, summary(allegationAgainst: self.lead)))
        XCTAssertTrue(mayOpen(lead, summary(allegationAgainst: office)))
        XCTAssertFalse(mayOpen(lead, summary(allegationAgainst: self.lead)))
        XCTAssertFalse(mayOpen(cp, summary(allegationAgainst: office)))
        XCTAssertTrue(mayOpen(cp, summary(allegationAgainst: nil)))
        XCTAssertFalse(mayOpen(staff, summary(allegationAgainst: nil)))
        XCTAssertEqual(IncidentVault.recipients(of: summary(allegationAgainst: head), in: authority)?.map(\.personID), [],
                       "an allegation against the head goes to the chair of governors, who has no account here")

        // Only those whose roles read incidents hold the records key.
        XCTAssertNil(staff.recordsKey); XCTAssertNil(gov.recordsKey)
        XCTAssertNotNil(lead.recordsKey); XCTAssertNotNil(cp.recordsKey)
    }

    func testGivingAndTakingAccessIsASignedActThatGrantsAndRotatesTheRecordsKey() throws {
        let (admin, _) = try setUpHead()
        let accounts = try workspace.accounts()
        try accounts.addUser(personID: office.id, passphrase: "office passphrase", isAdministrator: false, by: admin)
        XCTAssertNil(accounts.account(office.id)?.recordsGrant)
        try workspace.assign(personID: office.id, to: Role.WellKnown.childProtectionLead)
        XCTAssertEqual(accounts.authorityAccount(office.id)?.access, [.childProtectionLead], "the assignment was an administrator's signed act")
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "access.change")
        XCTAssertTrue(workspace.directory.role(Role.WellKnown.childProtectionLead)?.holderIDs.contains(office.id) ?? false)
        XCTAssertNotNil(try accounts.signIn(personID: office.id, passphrase: "office passphrase").recordsKey)
        let generation = accounts.recordsGeneration
        try workspace.unassign(personID: office.id, from: Role.WellKnown.childProtectionLead)
        XCTAssertNil(accounts.account(office.id)?.recordsGrant)
        XCTAssertEqual(accounts.recordsGeneration, generation + 1, "taking access rotated the records key")
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "security.rotate")
        XCTAssertNotNil(workspace.session?.recordsKey, "the head has the new key")
        XCTAssertEqual(workspace.checkSignatures(), [])
    }

    func testTheRecoveryKeyReopensAStoreWhoseOnlyLeadForgotTheirPassphrase() throws {
        let (_, recovery) = try setUpHead()
        workspace.store.close()
        let reopened = try Workspace.open(at: storeURL, actor: sam)
        try reopened.accounts().costLog2 = 10
        XCTAssertThrowsError(try reopened.accounts().signIn(personID: head.id, passphrase: "I forgot it entirely"))
        XCTAssertThrowsError(try reopened.accounts().recover(recoveryKey: "0000-1111", personID: head.id, newPassphrase: "a new passphrase")) {
            XCTAssertEqual($0 as? AccessError, .badRecoveryKey)
        }
        let session = try reopened.accounts().recover(recoveryKey: recovery.lowercased(), personID: head.id, newPassphrase: "a new passphrase")
        XCTAssertNotNil(session.recordsKey)
        XCTAssertNotNil(try reopened.accounts().signIn(personID: head.id, passphrase: "a new passphrase").recordsKey)
        XCTAssertTrue(try reopened.store.auditEntries().contains { $0.action == "user.recover" && $0.signer == "root" })
        XCTAssertEqual(reopened.checkSignatures(), [])
    }

    func testRecoveryKeyTextRoundTrips() throws {
        let key = RecoveryKey.generate()
        let text = RecoveryKey.text(key)
        XCTAssertEqual(RecoveryKey.parse(text.replacingOccurrences(of: "-", with: " ").lowercased()), key)
        XCTAssertNil(RecoveryKey.parse("not a key"))
    }
}
