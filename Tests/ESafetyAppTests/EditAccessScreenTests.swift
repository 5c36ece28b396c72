import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

/// Permissions shown up front on the demo store at 80x24: a screen the person signed in may not
/// change opens read-only and says so, and offers nothing that F2 would refuse.
@MainActor
final class EditAccessScreenTests: AppTestCase {
    /// The function-key bar: the screen's last row.
    private var bar: String { String(screen.split(separator: "\n", omittingEmptySubsequences: false).last ?? "") }

    func testTheSchoolProfileIsReadOnlyForALeadAndEditableForTheAdministrator() async throws {
        try launch(demo: true)
        try signInDemo("Tom Whitfield")
        let form = press(.character("6"), .character("1"))
        XCTAssertEqual(app.top.title, "School profile")
        XCTAssertTrue(form.contains("Read-only: only an administrator may change the school profile."), form)
        XCTAssertTrue(form.contains(workspace.profile.schoolName), "the details are shown: \(form)")
        XCTAssertFalse(bar.contains("Save"), bar)
        type("XYZ")
        press(.tab)
        type("XYZ")
        XCTAssertFalse(screen.contains("XYZ"), "nothing can be typed")
        press(.function(2))
        XCTAssertEqual(app.top.title, "School profile", "F2 does nothing")
        XCTAssertFalse(app.top.hasUnsavedChanges)

        press(.escape, .escape)
        try signInDemo("Amira Haddad")
        let editable = press(.character("6"), .character("1"))
        XCTAssertFalse(editable.contains("Read-only"), editable)
        XCTAssertTrue(bar.contains("F2Save"), bar)
    }

    func testTermDatesAreReadOnlyForALeadAndTheReviewScreenDoesNotInviteThem() async throws {
        try launch(demo: true)
        try signInDemo("Tom Whitfield")
        let reviews = press(.character("5"))
        XCTAssertFalse(reviews.contains("press t to enter"), reviews)
        XCTAssertTrue(bar.contains("MarkDone"), "a lead marks reviews done: \(bar)")
        let terms = press(.character("t"))
        XCTAssertEqual(app.top.title, "Term dates")
        XCTAssertTrue(terms.contains("Read-only: only an administrator may change term dates."), terms)
        XCTAssertFalse(bar.contains("Edit"), bar)
        let refused = press(.enter)
        XCTAssertEqual(app.top.title, "Term dates", "Enter opens no form")
        XCTAssertTrue(refused.contains("Read-only"), refused)
    }

    func testOfficeStaffReadTheDirectoryAndTheReviewsWithoutChangeActions() async throws {
        try launch(demo: true)
        try signInDemo("Siobhán Byrne")
        let people = press(.character("3"), .character("2"))
        XCTAssertEqual(app.top.title, "People")
        XCTAssertTrue(people.contains("Read-only: only the leads and the head teacher may change the directory."), people)
        for action in ["Add", "Edit", "Remove"] { XCTAssertFalse(bar.contains(action), "\(action) offered: \(bar)") }
        let before = workspace.directory.people.count
        press(.function(7), .character("d"))
        XCTAssertEqual(app.top.title, "People", "F7 opens no form")
        XCTAssertEqual(workspace.directory.people.count, before)
        let person = press(.enter)
        XCTAssertTrue(person.contains("Read-only"), person)
        XCTAssertFalse(bar.contains("AddRole"), bar)

        press(.escape, .escape, .escape)
        press(.character("5"))
        XCTAssertEqual(app.top.title, "Review schedule")
        XCTAssertFalse(bar.contains("MarkDone"), bar)
        press(.function(6))
        XCTAssertEqual(app.top.title, "Policy documents")
        assertScreen(contains: "Read-only: only the leads and the head teacher may change the review schedule.")
        XCTAssertFalse(bar.contains("Add"), bar)
        press(.enter)
        XCTAssertTrue(screen.contains("Read-only"), "the header opens read-only: \(screen)")
        XCTAssertFalse(bar.contains("Save"), bar)
    }

    func testAGovernorIsOfferedOnlyTheAUPScreensTheyMayUse() async throws {
        try launch(demo: true)
        try signInDemo("Peter Okafor")
        let menu = press(.character("4"))
        XCTAssertEqual(app.top.title, "AUP signatures")
        for entry in ["Sign at this terminal", "Record a paper signature", "Tick through a class", "Import people", "Publish"] {
            XCTAssertFalse(menu.contains(entry), "\(entry) offered to a governor: \(menu)")
        }
        XCTAssertTrue(menu.contains("1  Who has not signed"), menu)
        XCTAssertTrue(menu.contains("A person's signatures"), menu)
        press(.character("2"), .enter)
        XCTAssertTrue(app.top.title.hasPrefix("Signatures: "), app.top.title)
        XCTAssertFalse(bar.contains("Void"), bar)
    }
}
