import XCTest
import TerminalUI

@MainActor
private final class GreetingScreen: Screen {
    let title = "Home"
    let actions = ActionTable()
    func draw(into canvas: inout Canvas, rect: Rect) {
        canvas.write("Hello Zoë Ōkubo 李", at: Point(x: rect.x + 1, y: rect.y + 1))
    }
    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}

@MainActor
final class ApplicationResizeTests: XCTestCase {
    func testTooSmallThenFullRedrawAfterResize() async {
        let terminal = VirtualTerminal(size: Size(width: 50, height: 12))
        let app = Application(name: "esafety", terminal: terminal, root: GreetingScreen())
        app.run()
        XCTAssertEqual(terminal.screen.size, Size(width: 50, height: 12))
        XCTAssertTrue(terminal.text.contains("Terminal too small"), terminal.text)
        XCTAssertTrue(terminal.text.contains("50x12, needs 60x16"), terminal.text)
        XCTAssertFalse(terminal.text.contains("Hello"), "nothing of the screen is drawn")

        terminal.resize(to: Size(width: 80, height: 24))
        let before = terminal.presentCount
        app.run()
        XCTAssertGreaterThan(terminal.presentCount, before)
        XCTAssertEqual(terminal.screen.size, Size(width: 80, height: 24))
        var expected = Array(repeating: "", count: 24)
        expected[0] = " esafety │ Home"
        expected[2] = " Hello Zoë Ōkubo 李"
        expected[23] = "F1Help EscBack F10Quit"
        XCTAssertEqual(terminal.text, expected.joined(separator: "\n"))
    }
}
