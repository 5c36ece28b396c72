import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

@MainActor
final class RoleDirectoryScreenTests: AppTestCase {
    /// Home › Role directory › Roles › Designated e-safety lead.
    private func openEsafetyLeadRole() {
        press(.character("3"), .character("1"))
        // The e-safety lead is the second role in the defaults.
        press(.down, .enter)
    }

    func testAddANewPersonAsHolderOfTheEsafetyLeadRole() async throws {
        try launch()
        openEsafetyLeadRole()
        XCTAssertEqual(app.breadcrumb, "Home › Role directory › Roles › Designated e-safety lead")
        assertScreen(contains: "Held by nobody yet")
        press(.function(7))
        XCTAssertEqual(app.breadcrumb, "Home › Role directory › Roles › Designated e-safety lead › Add a holder")
        press(.function(7))
        XCTAssertEqual(app.top.title, "New person")
        type("Zoë Ōkubo")
        press(.tab)
        type("Computing lead")
        press(.tab)
        type("01632 960123")
        press(.function(2))
        XCTAssertEqual(app.breadcrumb, "Home › Role directory › Roles › Designated e-safety lead")
        assertScreen(contains: "Zoë Ōkubo now holds Designated e-safety lead.")
        assertScreen(contains: "Zoë Ōkubo   01632 960123")

        let reopened = try Workspace.open(at: storeURL, access: .readOnly, actor: actor)
        XCTAssertEqual(reopened.directory.holders(of: Role.WellKnown.esafetyLead).map(\.fullName), ["Zoë Ōkubo"])
    }

    func testRequiredNameIsRefusedAtTheField() async throws {
        try launch()
        press(.character("3"), .character("2"), .function(7))
        XCTAssertEqual(app.top.title, "New person")
        let shown = press(.function(2))
        XCTAssertTrue(shown.contains("Full name is required"), shown)
        XCTAssertEqual(app.top.title, "New person", "nothing is saved and the form stays open")
        XCTAssertTrue(workspace.directory.people.isEmpty)
    }

    func testEscapeWithUnsavedChangesAsksBeforeDiscarding() async throws {
        try launch()
        press(.character("3"), .character("2"), .function(7))
        type("Half typed")
        let asked = press(.escape)
        XCTAssertTrue(asked.contains("Discard changes?"), asked)
        press(.character("n"))
        XCTAssertEqual(app.top.title, "New person", "No keeps the form")
        assertScreen(contains: "Half typed")
        press(.escape, .character("y"))
        XCTAssertEqual(app.top.title, "People")
        XCTAssertTrue(workspace.directory.people.isEmpty)
    }

    func testPeopleListFiltersWithoutAccents() async throws {
        try launch(demo: true)
        _ = try workspace.addPerson(fullName: "Zoë Ōkubo")
        press(.character("3"), .character("2"))
        assertScreen(contains: "Grace Mensah")
        press(.character("/"))
        let shown = type("zoe ok")
        XCTAssertTrue(shown.contains("Zoë Ōkubo"), shown)
        XCTAssertFalse(shown.contains("Grace Mensah"), shown)
        press(.enter)  // the only match opens at once
        XCTAssertEqual(app.top.title, "Zoë Ōkubo")
        assertScreen(contains: "Holds no roles")
    }

    func testPersonPageListsAllTheirRolesAndCanLeaveOne() async throws {
        try launch(demo: true)
        let amira = try XCTUnwrap(workspace.directory.people.first { $0.fullName == "Amira Haddad" })
        press(.character("3"), .character("2"))
        press(.character("/"))
        type("amira")
        press(.enter)  // the only match opens at once
        assertScreen(contains: "Roles held (2)")
        assertScreen(contains: "Head teacher (designated e-safety coordinator)")
        assertScreen(contains: "Designated child protection lead")
        press(.down, .function(6))
        assertScreen(contains: "Leave role?")
        press(.character("y"))
        assertScreen(contains: "Roles held (1)")
        XCTAssertEqual(workspace.directory.roles(heldBy: amira.id).map(\.id), [Role.WellKnown.headTeacher])
    }

    func testProtectedRoleCannotBeRemoved() async throws {
        try launch()
        press(.character("3"), .character("1"), .function(8))
        assertScreen(contains: "cannot be removed")
        XCTAssertEqual(workspace.directory.roles.count, 11)
    }

    func testWhoDoITellShowsTodaysHoldersAndContacts() async throws {
        try launch(demo: true)
        press(.character("3"), .character("3"))
        XCTAssertEqual(app.top.title, "Who do I tell?")
        press(.character("/"))
        type("illegal")
        press(.enter)
        assertScreen(contains: "Tell Head teacher")
        assertScreen(contains: "  Amira Haddad: 01632 960001")
        assertScreen(contains: "May need: Police")
        assertScreen(contains: "01632 960999")
    }

    func testSettingsSavesTheProfileAndMarksItConfirmed() async throws {
        try launch()
        press(.character("6"), .character("1"))
        assertScreen(contains: "placeholders")
        // The shipped values are dim hints beside empty fields, not text: typing starts afresh.
        assertScreen(contains: "Your school's name (to confirm in Settings)")
        type("St Anywhere Primary")
        assertScreen(contains: "St Anywhere Primary")
        XCTAssertFalse(screen.contains("Settings)St"))
        press(.tab)
        type("1 High Street")
        press(.function(2))
        XCTAssertEqual(workspace.profile.schoolName, "St Anywhere Primary")
        XCTAssertTrue(workspace.profile.confirmed)
        press(.escape)
        assertScreen(contains: "St Anywhere Primary")
    }
}
