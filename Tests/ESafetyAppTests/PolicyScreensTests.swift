import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Home › 7 Images and filtering on the virtual terminal over a demo store: what each person is
/// offered, the not-photographed list, recording a consent form and a filtering check on screen.
@MainActor
final class PolicyScreensTests: AppTestCase {
    func testTheHeadTeacherRecordsAFormAndTheListFollows() async throws {
        try launch(demo: true)
        press(.character("7"))
        assertScreen(contains: "6  Decide unblock requests")
        press(.character("3"), .character("/"))
        type("Zoë Ōkubo")
        press(.enter)
        if !screen.contains("Consent: Zoë Ōkubo") { press(.enter) }  // the first Enter may only end the search
        assertScreen(contains: "Consent: Zoë Ōkubo")
        let zoe = try XCTUnwrap(workspace.aup.people(in: .pupil).first { $0.fullName == "Zoë Ōkubo" })
        press(.character("f"))
        assertScreen(contains: "Consent given for")
        press(.character(" "), .tab)  // website only
        type("Kenji Ōkubo")
        press(.tab, .tab)
        type("2026-v2")
        press(.function(2))
        assertScreen(contains: "Recorded the consent form for Zoë Ōkubo.")
        let consent = workspace.consents.consent(of: zoe.id)
        XCTAssertEqual(consent.state(.website).word, "yes")
        XCTAssertEqual(consent.state(.displays).word, "no")
        XCTAssertEqual(consent.latestForm?.by, "Kenji Ōkubo")
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "consent.form")
        assertScreen(contains: "form 2026-v2: given for School website")

        let className = try XCTUnwrap(zoe.className)
        let list = try workspace.consents.notPhotographed(workspace.consents.pupils(inClass: className))
        XCTAssertEqual(list.first { $0.pupil.id == zoe.id }?.reason, "Not for: Social media, Newsletter and press, Displays in school")
    }

    func testOfficeStaffAreOfferedOnlyWhatTheyMayDoAndLogNoChecks() async throws {
        try launch(demo: true)
        let office = try XCTUnwrap(workspace.directory.people.first { $0.fullName == "Siobhán Byrne" })
        workspace.session = try workspace.accounts().signIn(personID: office.id, passphrase: DemoData.passphrase)
        let menu = press(.character("7"))
        XCTAssertTrue(menu.contains("Who may not be photographed"), menu)
        XCTAssertTrue(menu.contains("Ask for a site to be unblocked"), menu)
        XCTAssertFalse(menu.contains("Decide unblock requests"), menu)
        XCTAssertFalse(menu.contains("Filtering and monitoring "), menu)
        let help = try DefaultResources.decode([String: String].self, from: "help/policy.json")
        XCTAssertTrue(help["policy-menu"]?.contains("Use of digital and video images") ?? false, "the help texts load")
        XCTAssertThrowsError(try workspace.filtering.recordCheck(date: workspace.today, checkedBy: "x", categories: ["adult"], device: "d",
                                                                 location: "l", userGroup: "g", result: .passed, resultDetail: "", actions: "")) {
            XCTAssertTrue($0 is AccessError, "the core refuses, whatever the screen offers")
        }
    }

    func testTheFilteringRecordsAtTwoHundredByFiftyAndACheckLoggedOnScreen() async throws {
        try launch(demo: true, size: Size(width: 200, height: 60))
        press(.character("7"), .character("4"))
        assertScreen(contains: "Annual review: next due")
        assertScreen(contains: "senior leader Amira Haddad, governor Imogen Fairweather")
        assertScreen(contains: "unblock-0002")
        press(.character("c"))
        assertScreen(contains: "Categories tested")
        press(.tab, .tab)
        press(.character(" "), .down, .character(" "), .tab)  // illegal and adult
        type("Office PC")
        press(.tab)
        type("Office")
        press(.tab)
        type("Staff")
        press(.function(2))
        assertScreen(contains: "Logged check-0003.")
        let check = try XCTUnwrap(try workspace.filtering.checks().first)
        XCTAssertEqual(check.categories, ["illegal", "adult"])
        XCTAssertEqual(check.device, "Office PC")
        assertScreen(contains: "check-0003")
    }

    func testTheAnnualReviewRecordedOnScreenMovesTheSchedule() async throws {
        try launch(demo: true)
        press(.character("7"), .character("4"), .character("r"))
        assertScreen(contains: "Senior leader")
        press(.tab)
        type("Amira Haddad")
        press(.tab)
        type("Imogen Fairweather")
        press(.tab, .tab)
        type("Blocks the IWF list; allows Bitesize video for teaching")
        press(.function(2))
        assertScreen(contains: "Recorded review-0002")
        let item = try XCTUnwrap(workspace.reviews.schedule.item(FilteringArea.reviewItemID))
        XCTAssertEqual(item.lastDone?.date, workspace.today)
        XCTAssertEqual(item.lastDone?.evidence, "Filtering review review-0002")
    }
}
