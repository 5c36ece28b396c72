import TerminalUI
import XCTest

/// The pieces that keep text whole: word-aware shortening, the note of cut words, the bar
/// chart, the scrolling help, ASCII stand-ins and the high-contrast theme.
@MainActor
final class LayoutPiecesTests: XCTestCase {
    func testShorteningKeepsWholeWords() async {
        XCTAssertEqual(DisplayWidth.truncate("Allegation against staff", to: 23), "Allegation against…")
        XCTAssertEqual(DisplayWidth.truncate("Allegation against staff", to: 30), "Allegation against staff")
        XCTAssertEqual(DisplayWidth.truncate("Featherstonehaugh", to: 8), "Feather…", "one long word is cut where it must be")
    }

    func testACanvasNotesWordsCutAtAnEdgeButNotWholeWords() async {
        var canvas = Canvas(size: Size(width: 10, height: 2))
        canvas.write("step by step", at: Point(x: 0, y: 0))
        XCTAssertEqual(canvas.cutWords, ["step by step"])
        canvas.write("step by", at: Point(x: 0, y: 1))
        canvas.writeLine("step by step", in: canvas.bounds.row(1))
        XCTAssertEqual(canvas.line(1), "step by…")
        canvas.write("scrolled value", at: Point(x: 0, y: 1), scrolls: true)
        XCTAssertEqual(canvas.cutWords.count, 1, "whole words, shortening by design and scrolled fields are fine")
    }

    func testBarChartHasOneLabelColumnOneBaselineAndOneScale() async {
        let chart = BarChart([BarChart.Bar("Cyberbullying", 12), BarChart.Bar("Sexting", 3), BarChart.Bar("Online gambling", 0)])
        XCTAssertEqual(chart.lines(width: 40), [
            "Cyberbullying   12 │████████████████████",
            "Sexting          3 │█████",
            "Online gambling  0 │",
        ])
        let narrow = BarChart([BarChart.Bar("Content: being exposed to illegal material", 4)]).lines(width: 30)
        XCTAssertEqual(narrow, ["Content: being   4 │██████████", "  exposed to       │", "  illegal          │", "  material         │"],
                       "a long label wraps in its column, whole")
        XCTAssertTrue(narrow.allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    func testHelpScrollsAndClosesOnlyOnEscF1OrQ() async {
        let table = ActionTable((1...40).map { Action(ActionID("a\($0)"), keys: [.alt(Character(Unicode.Scalar(UInt8(64 + $0))))], label: "A", help: "Action number \($0)") })
        var help = HelpOverlay(title: "Help", text: "What this screen is for.", table: table)
        var canvas = Canvas(size: Size(width: 60, height: 16))
        help.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertTrue(canvas.text.contains("Action number 1\n") || canvas.text.contains("Action number 1 "), canvas.text)
        XCTAssertFalse(canvas.text.contains("Action number 40"))
        XCTAssertEqual(help.handle(.character("x")), .handled, "other keys leave it open")
        for _ in 0..<20 { XCTAssertEqual(help.handle(.pageDown), .handled) }
        canvas = Canvas(size: Size(width: 60, height: 16))
        help.draw(into: &canvas, rect: canvas.bounds)
        XCTAssertTrue(canvas.text.contains("Delete the word before the cursor"), "the end can be reached:\n\(canvas.text)")
        XCTAssertEqual(help.handle(.up), .handled)
        for key in [Key.escape, .function(1), .character("q")] { XCTAssertEqual(help.handle(key), .close) }
    }

    func testASCIIStandInsReplaceBoxesAndBarsCellForCell() async {
        var canvas = Canvas(size: Size(width: 12, height: 3))
        canvas.box(canvas.bounds)
        canvas.write("█▏•", at: Point(x: 2, y: 1))
        canvas.useASCIIStandIns()
        XCTAssertEqual(canvas.text, "+----------+\n| #|*      |\n+----------+")
    }

    func testHighContrastThemeNeverUsesDimText() async {
        let theme = Theme(capability: .basic, highContrast: true)
        for style in Style.allCases { XCTAssertFalse(theme.appearance(of: style).attributes.contains(.dim), "\(style)") }
        XCTAssertNotEqual(theme.appearance(of: .dim), theme.appearance(of: .normal), "hints are still told apart")
        XCTAssertTrue(Theme.prefersHighContrast(environment: ["ESAFETY_THEME": "high-contrast"]))
        XCTAssertEqual(Theme(capability: .monochrome, highContrast: true).appearance(of: .selected).attributes, [.reverse],
                       "NO_COLOR still means no colour")
    }
}
