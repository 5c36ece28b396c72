import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// The idle lock keeps all unfinished work: after the same person signs in again, the same
/// screens are back with what was typed in them, in every form (here "Mark done", whose notes
/// were lost before); someone else signing in starts at home and sees none of it.
@MainActor
final class IdleLockTests: AppTestCase {
    /// Opens "Mark done" for the first review item and types notes into it.
    private func typeMarkDoneNotes(_ notes: String) throws {
        try launch(demo: true)
        press(.character("5"))
        XCTAssertTrue(app.breadcrumb.hasPrefix("Home › Review schedule"), app.breadcrumb)
        press(.character("m"))
        XCTAssertTrue(app.breadcrumb.hasSuffix("› Mark done"), app.breadcrumb)
        press(.tab, .tab)
        type(notes)
        assertScreen(contains: notes)
    }

    /// Signs in on the lock screen as `name`, finding the name with `/`.
    private func signIn(as name: String) -> String {
        press(.character("/"))
        type(name)
        press(.enter, .enter)
        type(DemoData.passphrase)
        return press(.enter)
    }

    func testTheSamePersonGetsTheHalfTypedFormBack() async throws {
        try typeMarkDoneNotes("Reviewed with the governors, half-typed")
        let name = try XCTUnwrap(workspace.session?.fullName)
        let breadcrumb = app.breadcrumb
        app.process(.timeout)  // the idle timeout
        let locked = screen
        XCTAssertTrue(locked.contains("Locked after 5 minutes without a key"), locked)
        XCTAssertFalse(locked.contains("half-typed"), "nothing of the form on the lock screen:\n\(locked)")
        XCTAssertNil(workspace.session)

        let back = signIn(as: name)
        XCTAssertTrue(back.contains("Your work is as you left it"), back)
        XCTAssertEqual(app.breadcrumb, breadcrumb)
        XCTAssertTrue(back.contains("Reviewed with the governors, half-typed"), back)
        type(", finished")
        assertScreen(contains: "half-typed, finished")
        XCTAssertTrue(app.top.hasUnsavedChanges, "the form still knows it has unsaved changes")
    }

    func testSomeoneElseSigningInStartsAtHomeAndSeesNoneOfIt() async throws {
        try typeMarkDoneNotes("Notes of the first person")
        let first = try XCTUnwrap(workspace.session?.fullName)
        app.process(.timeout)
        let other = first == "Grace Mensah" ? "Tom Whitfield" : "Grace Mensah"
        let home = signIn(as: other)
        XCTAssertEqual(app.breadcrumb, "Home", home)
        XCTAssertFalse(home.contains("Notes of the first person"), home)
        XCTAssertFalse(home.contains("Your work is as you left it"), home)
    }
}
