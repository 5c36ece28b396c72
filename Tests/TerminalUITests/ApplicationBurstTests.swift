import XCTest
import TerminalUI

/// Counts the keys no action binds.
@MainActor
private final class CountingScreen: Screen {
    let title = "Count"
    let actions = ActionTable()
    private(set) var keys = 0
    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("\(keys) keys", at: Point(x: rect.x + 1, y: rect.y + 1))
    }
    func handle(key: Key) -> ScreenResponse {
        keys += 1
        return .handled
    }
    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}

/// A terminal on which everything typed is already waiting, as a fast paste leaves it.
@MainActor
private final class TypedAheadTerminal: Terminal {
    let inner: VirtualTerminal
    private(set) var presents = 0
    init(_ inner: VirtualTerminal) { self.inner = inner }
    var size: Size { inner.size }
    var colorCapability: ColorCapability { inner.colorCapability }
    func present(_ canvas: Canvas) { inner.present(canvas); presents += 1 }
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent { inner.nextEvent(timeoutMilliseconds: timeoutMilliseconds) }
    func nextWaitingEvent() -> InputEvent? { inner.hasPendingEvents ? inner.nextEvent(timeoutMilliseconds: 0) : nil }
    func shutdown() { inner.shutdown() }
}

@MainActor
final class ApplicationBurstTests: XCTestCase {
    /// Keys typed faster than a frame are all handled, and drawn far fewer times than one a
    /// key (a frame at least every 50 ms of handling, so a long burst still shows progress).
    func testKeysAlreadyWaitingAreHandledBeforeTheNextFrame() async {
        let inner = VirtualTerminal(size: Size(width: 80, height: 24))
        let terminal = TypedAheadTerminal(inner)
        let screen = CountingScreen()
        let app = Application(name: "esafety", terminal: terminal, root: screen)
        inner.type(text: String(repeating: "x", count: 2_000))
        app.run()
        XCTAssertEqual(screen.keys, 2_000, "every key handled")
        XCTAssertTrue(inner.text.contains("2000 keys"), inner.text)
        XCTAssertLessThan(terminal.presents, 200, "\(terminal.presents) frames for 2,000 keys")
    }

    /// Without keys waiting (the default terminal), each key is drawn after, as before.
    func testEachKeyIsDrawnWhenNoneIsWaiting() async {
        let terminal = VirtualTerminal(size: Size(width: 80, height: 24))
        let screen = CountingScreen()
        let app = Application(name: "esafety", terminal: terminal, root: screen)
        terminal.type(text: "xyz")
        let before = terminal.presentCount
        app.run()
        XCTAssertEqual(screen.keys, 3)
        XCTAssertGreaterThanOrEqual(terminal.presentCount - before, 4, "the first frame and one a key")
    }
}
