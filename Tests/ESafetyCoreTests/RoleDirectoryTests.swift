@testable import ESafetyCore
import XCTest

final class RoleDirectoryTests: XCTestCase {
    private func directory() throws -> RoleDirectory { try Workspace.defaultDirectory() }

    func testDefaultsSeedThePoliciesRoles() throws {
        let directory = try directory()
        for id in RoleDirectory.protectedRoleIDs { XCTAssertNotNil(directory.role(id), "missing \(id)") }
        XCTAssertEqual(directory.role(Role.WellKnown.esafetyLead)?.responsibilities.first, "Lead the e-safety working group")
        XCTAssertTrue(directory.role(Role.WellKnown.headTeacher)?.name.contains("designated e-safety coordinator") ?? false)
        XCTAssertTrue(directory.people.isEmpty, "the defaults must not name real people")
    }

    func testAddAssignAndFindWithAccents() throws {
        var directory = try directory()
        let zoe = try directory.addPerson(fullName: "  Zoë Ōkubo ", phone: "01632 960123")
        XCTAssertEqual(zoe.id, "P0001")
        XCTAssertEqual(zoe.fullName, "Zoë Ōkubo")
        try directory.assign(personID: zoe.id, to: Role.WellKnown.esafetyLead)
        try directory.assign(personID: zoe.id, to: Role.WellKnown.childProtectionLead)
        XCTAssertEqual(directory.holders(of: Role.WellKnown.esafetyLead).map(\.fullName), ["Zoë Ōkubo"])
        XCTAssertEqual(directory.roles(heldBy: zoe.id).map(\.id), [Role.WellKnown.esafetyLead, Role.WellKnown.childProtectionLead])
        XCTAssertEqual(directory.searchPeople("zoe okubo").map(\.id), [zoe.id])
        XCTAssertEqual(directory.searchPeople("e-safety lead").map(\.id), [zoe.id], "search covers the roles a person holds")
        XCTAssertThrowsError(try directory.assign(personID: zoe.id, to: Role.WellKnown.esafetyLead)) { error in
            XCTAssertEqual(error as? DirectoryError, .alreadyHolds(person: "Zoë Ōkubo", role: "Designated e-safety lead"))
        }
    }

    func testSeveralHoldersKeepTheirOrder() throws {
        var directory = try directory()
        let names = ["Amira", "Grace", "Tom", "李 Wei"]
        for name in names {
            let person = try directory.addPerson(fullName: name)
            try directory.assign(personID: person.id, to: Role.WellKnown.childProtectionLead)
        }
        XCTAssertEqual(directory.holders(of: Role.WellKnown.childProtectionLead).map(\.fullName), names)
    }

    func testRemovingAPersonTakesThemOutOfEveryRole() throws {
        var directory = try directory()
        let person = try directory.addPerson(fullName: "Sam Tester")
        try directory.assign(personID: person.id, to: Role.WellKnown.esafetyLead)
        try directory.assign(personID: person.id, to: Role.WellKnown.linkGovernor)
        let left = try directory.removePerson(person.id)
        XCTAssertEqual(left, ["Designated e-safety lead", "Link governor"])
        XCTAssertTrue(directory.holders(of: Role.WellKnown.esafetyLead).isEmpty)
        XCTAssertNil(directory.person(person.id))
        let next = try directory.addPerson(fullName: "Next Person")
        XCTAssertEqual(next.id, "P0002", "ids are never reused")
    }

    func testRolesTheFlowchartNeedsCannotBeRemoved() throws {
        var directory = try directory()
        XCTAssertThrowsError(try directory.removeRole(Role.WellKnown.esafetyLead)) { error in
            XCTAssertTrue(String(describing: error).contains("cannot be removed"))
        }
        let added = try directory.addRole(name: "Computing subject lead")
        XCTAssertEqual(added.id, "computing-subject-lead")
        XCTAssertThrowsError(try directory.addRole(name: "computing subject LEAD")) { error in
            XCTAssertEqual(error as? DirectoryError, .duplicateRole("computing subject LEAD"))
        }
        try directory.removeRole(added.id)
        XCTAssertNil(directory.role(added.id))
    }

    func testEmptyNamesAreRefused() throws {
        var directory = try directory()
        XCTAssertThrowsError(try directory.addPerson(fullName: "   ")) { XCTAssertEqual($0 as? DirectoryError, .emptyName) }
        XCTAssertThrowsError(try directory.addRole(name: "")) { XCTAssertEqual($0 as? DirectoryError, .emptyName) }
    }

    func testReportingLinesNameRolesThatExist() throws {
        let directory = try directory()
        let lines = try DefaultResources.decode(ReportingLinesDocument.self, from: "defaults/reporting-lines.json").reportingLines
        let profile = try DefaultResources.decode(SchoolProfile.self, from: "defaults/profile.json")
        XCTAssertGreaterThanOrEqual(lines.count, 8)
        for line in lines {
            for roleID in line.tellRoleIDs { XCTAssertNotNil(directory.role(roleID), "\(line.id) names unknown role \(roleID)") }
            for contactID in line.externalContactIDs { XCTAssertNotNil(profile.contact(contactID), "\(line.id) names unknown contact \(contactID)") }
        }
    }

    func testDefaultProfileIsPlainlyAPlaceholder() throws {
        let profile = try DefaultResources.decode(SchoolProfile.self, from: "defaults/profile.json")
        XCTAssertFalse(profile.confirmed)
        XCTAssertTrue(profile.schoolName.contains("to confirm"))
        XCTAssertTrue(profile.externalContacts.allSatisfy { !$0.confirmed && $0.phone.isEmpty })
        XCTAssertTrue(profile.contact(ExternalContact.WellKnown.police)?.contactLine.contains("to confirm") ?? false)
    }

    func testCSVExportQuotesAndDefusesFormulas() {
        let csv = CSVWriter.document(header: ["a", "b"], rows: [["Zoë, Ōkubo", "=SUM(A1)"], ["say \"hi\"", "line\nbreak"]])
        XCTAssertEqual(csv, "a,b\r\n\"Zoë, Ōkubo\",'=SUM(A1)\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n")
    }
}
