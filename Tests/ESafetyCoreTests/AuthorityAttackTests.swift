import Crypto
import Foundation
import XCTest
@testable import ESafetyCore

/// What someone at the shared OS account tried, each as a test: editing the files grants
/// nothing, a subject cannot open an allegation about himself by any key he has, a removed lead's
/// passphrase opens nothing, guessing is throttled in read-only sessions, a symlinked backup
/// folder is refused, and the audit log shows each level only what it may see.
final class AuthorityAttackTests: StoreTestCase {
    private var workspace: Workspace!
    private var head: Session!, lead: Session!, office: Session!
    private var leadPerson: Person!, officePerson: Person!

    override func setUpWithError() throws {
        try super.setUpWithError()
        let people: [String: Person]
        (workspace, people) = try schoolWithAccounts()
        head = workspace.session
        leadPerson = people["Tom Whitfield"]; officePerson = people["Siobhán Byrne"]
        lead = try signIn(leadPerson, to: workspace)
        office = try signIn(officePerson, to: workspace)
        workspace.session = head
    }

    private func report(_ text: String, against subject: Person? = nil) -> IncidentReport {
        var report = sampleReport(on: workspace.today, description: text)
        if let subject {
            report.involved.append(InvolvedParty(kind: .staff, name: subject.fullName, personID: subject.id))
            report.allegationAgainstStaff = true
        }
        return report
    }

    func testADirectoryEditedToMakeOfficeStaffALeadGrantsNothingAndIsNamed() throws {
        workspace.store.close()
        var text = try String(contentsOfFile: path("directory.json"), encoding: .utf8)
        let held = "\"holderIDs\" : [\n        \"\(leadPerson.id)\""
        XCTAssertTrue(text.contains(held), text)
        text = text.replacingOccurrences(of: held, with: "\"holderIDs\" : [\n        \"\(officePerson.id)\",\n        \"\(leadPerson.id)\"")
        try put(Data(text.utf8), at: "directory.json")
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.file == "directory.json" }, "the edit itself is named")
        XCTAssertThrowsError(try Workspace.open(at: storeURL, actor: sam), "and the store is not used until it is put right")

        // Even once an administrator accepts the file as it is, the role grants nothing.
        let store = try Store.open(at: storeURL)
        try store.acceptDocument("directory.json", reason: "Test: accepted to see that it grants nothing", actor: sam)
        store.close()
        let reopened = try Workspace.open(at: storeURL, actor: sam)
        let officeAgain = try reopened.accounts().signIn(personID: officePerson.id, passphrase: "passphrase \(officePerson.id)")
        XCTAssertEqual(officeAgain.level, .staff)
        XCTAssertNil(officeAgain.recordsKey)
        reopened.session = try reopened.accounts().signIn(personID: leadPerson.id, passphrase: "passphrase \(leadPerson.id)")
        try reopened.accounts().reconcileGrants(by: try XCTUnwrap(reopened.session))
        XCTAssertNil(try reopened.accounts().account(officePerson.id)?.recordsGrant, "a lead's session gives the edited-in 'lead' nothing")
        XCTAssertTrue(reopened.checkSignatures().contains { $0.file == "directory.json" && $0.problem.contains("which no administrator's signed act gave") })
    }

    func testAUsersFileWithAnotherPassphraseHashAndKeysGetsNobodyIn() throws {
        // Office staff swap their own secrets into the lead's account in users.json.
        let accounts = try workspace.accounts()
        var users = accounts.users
        let mine = try XCTUnwrap(users.first { $0.personID == officePerson.id })
        let index = try XCTUnwrap(users.firstIndex { $0.personID == leadPerson.id })
        users[index].passphrase = mine.passphrase
        users[index].wrappedAgreementKey = mine.wrappedAgreementKey
        users[index].wrappedSigningKey = mine.wrappedSigningKey
        try commitRaw(try StoreJSON.makeEncoder().encode(UsersDocument(users: users)), as: "users", in: workspace.store)
        let reopened = try Workspace.open(at: storeURL, actor: sam)
        XCTAssertThrowsError(try reopened.accounts().signIn(personID: leadPerson.id, passphrase: "passphrase \(officePerson.id)")) {
            XCTAssertEqual($0 as? AccessError, .accountNotAuthorised("Tom Whitfield"))
        }
    }

    func testTheLeadWhoIsTheSubjectCannotOpenTheAllegationByAnyKeyHeHas() throws {
        workspace.session = office
        let allegation = try workspace.incidents().submit(report("About the lead, who must not see it", against: leadPerson))
        workspace.session = lead
        XCTAssertNil(try workspace.incidents().record(allegation.id))
        XCTAssertFalse(try workspace.incidents().summaries.contains { $0.id == allegation.id })
        // Offline, with every key his passphrase unlocks: his own agreement key and the records key.
        guard case .sealed(let file)? = try workspace.store.load(StoredIncident.self, from: "incidents/\(allegation.id)"),
              let restricted = file.restricted else { return XCTFail("the allegation is sealed to its recipients") }
        XCTAssertNil(file.sealed, "not to the records key, which the subject holds")
        XCTAssertNil(restricted.open(with: lead.agreementKey))
        if let records = lead.recordsKey { XCTAssertNil(restricted.open(with: records)) }
        for wrap in restricted.wraps {
            XCTAssertThrowsError(try wrap.key.open(with: lead.agreementKey))
            if let records = lead.recordsKey { XCTAssertThrowsError(try wrap.key.open(with: records)) }
        }
        workspace.session = head
        XCTAssertEqual(try workspace.incidents().record(allegation.id)?.report.description, "About the lead, who must not see it")
    }

    func testARemovedLeadsPassphraseOpensNothingInTheStoreOrItsBackups() throws {
        workspace.session = office
        let incident = try workspace.incidents().submit(report("Sealed before he left"))
        let oldUsers = try bytes("users.json")  // a copy he took before he was removed
        workspace.session = head
        let generation = try workspace.accounts().recordsGeneration
        try workspace.removeUser(personID: leadPerson.id)
        XCTAssertEqual(try workspace.accounts().recordsGeneration, generation + 1, "the records key was rotated")
        XCTAssertEqual(try workspace.incidents().record(incident.id)?.report.description, "Sealed before he left", "the head still reads it")
        // His old grant opens the old records key, which opens nothing any more.
        let old = try StoreJSON.makeDecoder().decode(UsersDocument.self, from: oldUsers).users.first { $0.personID == leadPerson.id }
        let account = try XCTUnwrap(old)
        let wrapping = try XCTUnwrap(try account.passphrase.unlock(passphrase: "passphrase \(leadPerson.id)"))
        let agreement = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: SymmetricSeal.open(account.wrappedAgreementKey, with: wrapping))
        let oldRecords = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: try XCTUnwrap(account.recordsGrant).open(with: agreement))
        for name in try workspace.store.documentNames(in: "incidents") {
            guard case .sealed(let file)? = try workspace.store.load(StoredIncident.self, from: name), let sealed = file.sealed else { continue }
            XCTAssertThrowsError(try sealed.open(with: oldRecords), "\(name) was sealed again")
        }
        // Nothing under the store holds his wrapped keys now: users.json, or a copy in backups/.
        XCTAssertNil(try workspace.accounts().account(leadPerson.id))
        let walker = FileManager.default.enumerator(atPath: storeURL.path)
        while let relative = walker?.nextObject() as? String {
            guard relative.hasSuffix("users.json") else { continue }
            let users = try StoreJSON.makeDecoder().decode(UsersDocument.self, from: bytes(relative))
            XCTAssertFalse(users.users.contains { $0.personID == leadPerson.id }, relative)
        }
        XCTAssertEqual(workspace.checkSignatures(), [])
        XCTAssertEqual(workspace.store.check(), [])
    }

    func testGuessingIsThrottledInAReadOnlySessionToo() throws {
        workspace.store.close()
        let looking = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        // The clock stands still (each guess hashes a passphrase, slowly on a loaded machine), so
        // the wait after the fifth guess is still in force when the right passphrase is tried.
        let frozen = Date()
        looking.now = { frozen }
        for attempt in 1...5 {
            XCTAssertThrowsError(try looking.accounts().signIn(personID: leadPerson.id, passphrase: "guess number \(attempt)")) {
                guard case .wrongPassphrase = $0 as? AccessError else { return XCTFail("\($0)") }
            }
        }
        XCTAssertThrowsError(try looking.accounts().signIn(personID: leadPerson.id, passphrase: "passphrase \(leadPerson.id)")) {
            guard case .tooSoon = $0 as? AccessError else { return XCTFail("\($0)") }
        }
        let writer = try Workspace.open(at: storeURL, actor: sam)
        XCTAssertEqual(try writer.accounts().throttle.failures[leadPerson.id]?.count, 5, "the read-only session's failures count for everyone")
        XCTAssertThrowsError(try writer.accounts().recover(recoveryKey: "0000-0000", personID: leadPerson.id, newPassphrase: "a new passphrase"))
        XCTAssertEqual(try writer.accounts().throttle.failures[ThrottleDocument.recoveryKey]?.count, 1, "wrong recovery keys are counted too")
    }

    func testASymlinkedBackupFolderIsRefusedAndNamed() throws {
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: path("backups/daily"))
        try FileManager.default.createDirectory(atPath: path("backups"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("backups/daily"), withDestinationPath: outside.path)
        try workspace.addPerson(fullName: "Someone New")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [], "no backup was written outside the store")
        XCTAssertTrue(workspace.store.check().contains { $0.file == "backups/daily" && $0.problem.hasPrefix("is a symbolic link") })
    }

    func testTheAuditLogShowsEachLevelOnlyWhatItMaySee() throws {
        workspace.session = office
        let incident = try workspace.incidents().submit(report("office's report"))
        workspace.session = lead
        _ = try workspace.attention.open(incident.id)
        workspace.session = office
        let officeSees = try workspace.visibleAuditEntries()
        XCTAssertFalse(officeSees.isEmpty)
        XCTAssertTrue(officeSees.allSatisfy { $0.actor.id == office.actor.id }, "office staff see only their own entries")
        XCTAssertTrue(officeSees.contains { $0.summary.contains(incident.id) }, "their own reference stays")
        workspace.session = lead
        let leadSees = try workspace.visibleAuditEntries()
        XCTAssertTrue(leadSees.contains { $0.action == "incident.open" && $0.actor.id == lead.actor.id })
        XCTAssertTrue(leadSees.contains { $0.actor.id == head.actor.id })
        // The access log: who looked.
        let log = try workspace.accessLog(of: incident.id)
        XCTAssertEqual(log.map(\.actor.name), ["Tom Whitfield"])
        workspace.session = office
        XCTAssertThrowsError(try workspace.accessLog(of: incident.id))
    }

    func testNobodyGivesHimselfAccessWhereAnotherAdministratorCould() throws {
        try workspace.setAccess(of: leadPerson.id, roles: [.esafetyLead], administrator: true)
        lead = try workspace.accounts().signIn(personID: leadPerson.id, passphrase: "passphrase \(leadPerson.id)")
        workspace.session = lead
        XCTAssertThrowsError(try workspace.setAccess(of: leadPerson.id, roles: [.esafetyLead, .headTeacher], administrator: true)) { error in
            XCTAssertTrue("\(error)".contains("gave themselves head teacher access"), "\(error)")
        }
        workspace.session = head
        XCTAssertThrowsError(try workspace.setAccess(of: head.personID, roles: [], administrator: true)) { error in
            XCTAssertTrue("\(error)".contains("takes head teacher access from its only holder"), "\(error)")
        }
        XCTAssertEqual(workspace.checkSignatures(), [])
    }
}
