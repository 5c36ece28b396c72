import Foundation
import XCTest
@testable import ESafetyCore

/// The workspace on a real store in a temporary folder: changes are saved, audited and survive
/// reopening; a refused change leaves memory and disk as they were.
final class WorkspaceTests: StoreTestCase {
    func testFirstRunCreatesTheDefaultsAndReopens() throws {
        let workspace = try Workspace.openOrCreate(at: storeURL, actor: sam)
        XCTAssertEqual(workspace.directory.roles.count, 11)
        XCTAssertFalse(workspace.profile.confirmed)
        workspace.store.close()
        let again = try Workspace.openOrCreate(at: storeURL, actor: sam)
        XCTAssertEqual(again.directory, workspace.directory)
        XCTAssertEqual(try again.store.auditEntries().filter { $0.action == "store.create" }.count, 9,
                       "manifest, profile, directory, reporting lines, AUP texts, class list, school calendar, review schedule, response flowchart")
    }

    func testAddingAHolderIsSavedAuditedAndSurvivesReopening() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        let zoe = try workspace.addPerson(fullName: "Zoë Ōkubo", phone: "01632 960123")
        try workspace.assign(personID: zoe.id, to: Role.WellKnown.esafetyLead)
        let entries = try workspace.store.auditEntries()
        XCTAssertEqual(entries.suffix(2).map(\.action), ["person.add", "role.assign"])
        XCTAssertEqual(entries.last?.actor, sam)
        XCTAssertEqual(entries.last?.summary, "Made Zoë Ōkubo (P0001) a holder of Designated e-safety lead")
        workspace.store.close()

        let reopened = try Workspace.open(at: storeURL, actor: sam)
        XCTAssertEqual(reopened.directory.holders(of: Role.WellKnown.esafetyLead).map(\.fullName), ["Zoë Ōkubo"])
        XCTAssertEqual(reopened.esafetyContact?.fullName, "Zoë Ōkubo")
        let text = try String(contentsOfFile: path("directory.json"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"fullName\" : \"Zoë Ōkubo\""), "the store is human-readable JSON with sorted keys")
    }

    func testARefusedChangeLeavesMemoryAndDiskUnchanged() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        let before = try bytes("directory.json")
        let auditCount = try workspace.store.auditEntries().count
        XCTAssertThrowsError(try workspace.assign(personID: "P9999", to: Role.WellKnown.esafetyLead))
        XCTAssertThrowsError(try workspace.removeRole(Role.WellKnown.headTeacher))
        XCTAssertEqual(try bytes("directory.json"), before)
        XCTAssertEqual(try workspace.store.auditEntries().count, auditCount)
    }

    func testAFailedSaveDoesNotChangeWhatTheAppShows() throws {
        let created = try Workspace.create(at: storeURL, actor: sam)
        created.store.close()
        let readOnly = try Workspace.open(at: storeURL, access: .readOnly, actor: sam)
        XCTAssertThrowsError(try readOnly.addPerson(fullName: "Zoë Ōkubo"))
        XCTAssertTrue(readOnly.directory.people.isEmpty, "memory follows disk: the refused person is not shown")
    }

    func testDemoDataIsFictionalAndFillsTheRoles() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam, demo: true)
        XCTAssertTrue(workspace.profile.schoolName.contains("fictional"))
        XCTAssertFalse(workspace.directory.holders(of: Role.WellKnown.esafetyLead).isEmpty)
        XCTAssertFalse(workspace.directory.holders(of: Role.WellKnown.childProtectionLead).isEmpty)
        XCTAssertTrue(workspace.directory.people.allSatisfy { $0.phone.isEmpty || $0.phone.hasPrefix("01632 960") },
                      "demo numbers come from Ofcom's range reserved for drama")
    }

    func testExternalContactUpdateIsAudited() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        var police = try XCTUnwrap(workspace.profile.contact(ExternalContact.WellKnown.police))
        police.phone = "101"
        police.confirmed = true
        try workspace.updateExternalContact(police)
        XCTAssertEqual(try workspace.store.auditEntries().last?.recordID, "police")
        XCTAssertEqual(try Workspace.open(at: storeURL, access: .readOnly, actor: sam).profile.contact("police")?.contactLine, "101")
        XCTAssertThrowsError(try workspace.updateExternalContact(ExternalContact(id: "nobody", service: "x")))
    }

    func testExportsListHoldersInBothFormats() throws {
        let workspace = try Workspace.create(at: storeURL, actor: sam)
        let zoe = try workspace.addPerson(fullName: "Zoë Ōkubo", email: "z@example.sch.uk")
        try workspace.assign(personID: zoe.id, to: Role.WellKnown.esafetyLead)
        let csv = try DirectoryExport.roles(workspace.directory, format: .csv)
        XCTAssertTrue(csv.contains("esafety-lead,Designated e-safety lead,P0001,Zoë Ōkubo,"))
        let json = try DirectoryExport.people(workspace.directory, format: .json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let people = try XCTUnwrap(decoded?["people"] as? [[String: Any]])
        XCTAssertEqual(people.first?["fullName"] as? String, "Zoë Ōkubo")
        XCTAssertEqual(people.first?["roles"] as? [String], ["esafety-lead"])
    }
}
