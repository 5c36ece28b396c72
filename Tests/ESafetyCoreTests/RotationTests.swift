import Foundation
import XCTest
@testable import ESafetyCore

/// Taking access while other sessions are open: a removed person's open session is refused at
/// its next commit, a report sealed by a session that read the old authority is sealed to the
/// new records key, a rotation an administrator without the key could not do is done at the next
/// holder's sign-in, two holders rotating at once leave one new key, and taking authority.json
/// away never opens the way to a second set-up.
final class RotationTests: StoreTestCase {
    private var workspace: Workspace!
    private var people: [String: Person]!
    private var head: Session!

    override func setUpWithError() throws {
        try super.setUpWithError()
        (workspace, people) = try schoolWithAccounts(others: [("Priya Shah", Role.WellKnown.childProtectionLead)])
        head = workspace.session
    }

    private func person(_ name: String) throws -> Person { try XCTUnwrap(people[name]) }

    /// A second esafety on the same store (another terminal), signed in as `name`.
    private func elsewhere(as name: String) throws -> Workspace {
        let other = try Workspace.open(at: storeURL, actor: sam)
        other.session = try signIn(try person(name), to: other)
        return other
    }

    func testARemovedPersonsOpenSessionElsewhereIsRefusedAtItsNextCommit() throws {
        let leadsTerminal = try elsewhere(as: "Tom Whitfield")
        let before = try workspace.store.auditEntries().count
        try workspace.removeUser(personID: try person("Tom Whitfield").id)
        let afterRemoval = try workspace.store.auditEntries().count
        XCTAssertThrowsError(try leadsTerminal.addPerson(fullName: "Added after his removal")) {
            XCTAssertEqual($0 as? AccessError, .accountRemoved("Tom Whitfield"))
        }
        XCTAssertThrowsError(try leadsTerminal.incidents().submit(sampleReport(on: leadsTerminal.today)))
        XCTAssertGreaterThan(afterRemoval, before)
        XCTAssertEqual(try workspace.store.auditEntries().count, afterRemoval, "nothing of his was written after his removal")
        XCTAssertNil(try Workspace.open(at: storeURL, actor: sam).directory.people.first { $0.fullName == "Added after his removal" })
    }

    func testAReportSealedByASessionThatReadTheOldAuthorityIsSealedToTheNewKey() throws {
        let reception = try elsewhere(as: "Siobhán Byrne")
        _ = try reception.incidents()  // the log opened, with the authority of the time
        let generation = try workspace.accounts().recordsGeneration
        try workspace.removeUser(personID: try person("Tom Whitfield").id)
        XCTAssertEqual(try workspace.accounts().recordsGeneration, generation + 1)
        let receipt = try reception.incidents().submit(sampleReport(on: reception.today, description: "Sealed after the rotation"))
        guard case .sealed(let file)? = try workspace.store.load(StoredIncident.self, from: "incidents/\(receipt.id)") else {
            return XCTFail("the report is sealed")
        }
        XCTAssertEqual(file.generation, generation + 1, "sealed to the records key in force at its commit")
        let readers = try Workspace.open(at: storeURL, actor: sam)
        readers.session = try signIn(try person("Priya Shah"), to: readers)
        XCTAssertEqual(try readers.incidents().record(receipt.id)?.report.description, "Sealed after the rotation")
    }

    func testARotationTheAdministratorCouldNotDoIsDoneAtTheNextHoldersSignIn() throws {
        // The office manager is made an administrator, without access to incidents.
        let office = try person("Siobhán Byrne")
        try workspace.setAccess(of: office.id, roles: [], administrator: true)
        let generation = try workspace.accounts().recordsGeneration
        let officeDesk = try elsewhere(as: "Siobhán Byrne")
        XCTAssertNil(officeDesk.session?.recordsKey)
        try officeDesk.removeUser(personID: try person("Tom Whitfield").id)
        XCTAssertTrue(try officeDesk.accounts().rotationIsDue, "she cannot rotate a key she does not hold")
        XCTAssertEqual(try officeDesk.accounts().recordsGeneration, generation)

        // The head and the child-protection lead sign in at two terminals at the same moment.
        let headDesk = try Workspace.open(at: storeURL, actor: sam)
        let leadDesk = try Workspace.open(at: storeURL, actor: sam)
        let headSession = try signIn(try person("Amira Haddad"), to: headDesk)
        let leadSession = try signIn(try person("Priya Shah"), to: leadDesk)
        XCTAssertTrue(try leadDesk.accounts().rotationIsDue)
        let said = headDesk.begin(headSession)
        XCTAssertEqual(said?.hasPrefix("Someone lost access to incidents"), true, said ?? "nil")
        XCTAssertNil(leadDesk.begin(leadSession), "the second gives way to the first's rotation")
        XCTAssertEqual(try Workspace.open(at: storeURL, actor: sam).accounts().recordsGeneration, generation + 1, "one new key, not two")
        XCTAssertEqual(try leadDesk.accounts().recordsGeneration, generation + 1)
        let receipt = try headDesk.incidents().submit(sampleReport(on: headDesk.today, description: "After both sign-ins"))
        XCTAssertEqual(try leadDesk.incidents().record(receipt.id)?.report.description, "After both sign-ins",
                       "the one that gave way holds the new key")
        XCTAssertEqual(headDesk.checkSignatures(), [])
        XCTAssertEqual(headDesk.store.check(), [])
    }

    func testTakingAuthorityAwayDoesNotOpenTheWayToASecondSetUp() throws {
        let directory = workspace.directory
        workspace.store.close()
        try FileManager.default.removeItem(atPath: path("authority.json"))
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.file == "authority.json" }, "the removal is named")
        let store = try Store.open(at: storeURL)
        XCTAssertThrowsError(try Accounts(store: store, directory: { directory }, now: { Date() })) {
            XCTAssertTrue("\($0)".contains("authority.json has been deleted outside esafety"), "\($0)")
            XCTAssertTrue("\($0)".contains("copy back this revision from a copy of the folder"), "\($0)")
        }
        // Nor does the audit log's memory of it go with it: the store is not opened at all.
        store.close()
        for file in ["audit.jsonl", "audit.head", ".commit"] { try? FileManager.default.removeItem(atPath: path(file)) }
        XCTAssertThrowsError(try Store.open(at: storeURL)) { XCTAssertTrue("\($0)".contains("no audit log"), "\($0)") }
    }

    func testASecondSetUpIsRefusedWhereKeysRemainWithoutAuthority() throws {
        // A store whose keys were made by an earlier esafety, before signed authority.
        let older = try Workspace.create(at: root.appendingPathComponent("older"), actor: sam)
        let person = try older.addPerson(fullName: "Anyone At The Desk")
        try commitRaw(Data(#"{ "recordsPublicKey" : "AAAA" }"#.utf8), as: "keys", in: older.store)
        XCTAssertThrowsError(try older.setUp(administrator: person.id, passphrase: "takes over the store")) {
            XCTAssertEqual($0 as? AccessError, .keysWithoutAuthority, "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("older/authority.json").path))
    }
}
