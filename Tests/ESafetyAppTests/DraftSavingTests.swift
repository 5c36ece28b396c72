import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// The incident form's draft is saved when typing pauses, on leaving a field and after a
/// paste: never once per key. Counted with the store's change count (each draft save is one).
@MainActor
final class DraftSavingTests: AppTestCase {
    func testTypingSavesOnlyAtThePauseAndOnLeavingAField() async throws {
        try launch(demo: true)
        press(.character("1"), .character("1"))
        assertScreen(contains: "Step 1 of 9")
        press(.tab, .tab)
        let start = workspace.store.changeCount
        type("Zoë Ōkubo, typing")
        XCTAssertEqual(workspace.store.changeCount, start, "no save while the keys keep coming")
        XCTAssertFalse(screen.contains("Draft saved"), screen)
        app.typingDidPause()
        XCTAssertEqual(workspace.store.changeCount, start + 1, "one save at the pause")
        assertScreen(contains: "Draft saved")
        app.typingDidPause()
        XCTAssertEqual(workspace.store.changeCount, start + 1, "nothing new: nothing saved")

        type(" more")
        press(.tab)
        XCTAssertEqual(workspace.store.changeCount, start + 2, "leaving the field saves what was typed in it")
        app.process(.paste("Year 5 teacher\n"))
        XCTAssertEqual(workspace.store.changeCount, start + 3, "a paste is one edit and one save")
        XCTAssertEqual(try workspace.incidents().draft()?.report.reporterRole, "Year 5 teacher ")
        XCTAssertEqual(try workspace.incidents().draft()?.report.reporterName, "Zoë Ōkubo, typing more")
    }
}
