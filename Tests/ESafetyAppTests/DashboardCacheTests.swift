import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// The home dashboard is worked out once and kept until the store changes, and the app's first
/// frame can come before it.
final class DashboardCacheTests: AppTestCase {
    func testTheDashboardFollowsAChangeMadeElsewhere() async throws {
        try launch(demo: true, size: Size(width: 120, height: 40))
        try workspace.aup.load()
        let before = workspace.aup.completion(today: workspace.today)
        XCTAssertTrue(screen.contains(before.summary), screen)
        let unsigned = try XCTUnwrap(workspace.aup.missing(group: .pupil, today: workspace.today).first)
        try workspace.aup.tick(personID: unsigned.id)
        let after = workspace.aup.completion(today: workspace.today)
        XCTAssertNotEqual(after.summary, before.summary)
        XCTAssertTrue(screen.contains(after.summary), "the cached dashboard did not notice the save:\n\(screen)")
    }

    func testTheFirstFrameComesBeforeTheDashboardThenItIsFilledIn() async throws {
        try launch(demo: true, size: Size(width: 120, height: 40))
        let deferred = VirtualTerminal(size: Size(width: 120, height: 40))
        let frames = FrameRecorder(deferred)
        let app = ESafetyApplication.make(terminal: frames, workspace: workspace, deferDashboard: true)
        app.run()  // the first frame, the filled-in one, then the input ends
        XCTAssertEqual(frames.texts.count, 2)
        XCTAssertTrue(frames.texts[0].contains("Loading the dashboard…"), frames.texts[0])
        XCTAssertTrue(frames.texts[0].contains("Role directory"), "the menu is there at once")
        XCTAssertFalse(frames.texts[1].contains("Loading the dashboard…"), frames.texts[1])
        XCTAssertTrue(frames.texts[1].contains("AUP signatures"), frames.texts[1])
    }
}

/// Keeps the text of every frame presented.
@MainActor
private final class FrameRecorder: Terminal {
    let inner: VirtualTerminal
    private(set) var texts: [String] = []
    init(_ inner: VirtualTerminal) { self.inner = inner }
    var size: Size { inner.size }
    var colorCapability: ColorCapability { inner.colorCapability }
    func present(_ canvas: Canvas) { inner.present(canvas); texts.append(canvas.text) }
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent { inner.nextEvent(timeoutMilliseconds: timeoutMilliseconds) }
    func shutdown() { inner.shutdown() }
}
