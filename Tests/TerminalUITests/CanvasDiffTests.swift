import XCTest
@testable import TerminalUI

/// The cells a backend writes between two frames, worked out with no terminal at all.
final class CanvasDiffTests: XCTestCase {
    private func canvas(_ lines: [String], width: Int = 6) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: lines.count))
        for (y, line) in lines.enumerated() { _ = canvas.write(line, at: Point(x: 0, y: y)) }
        return canvas
    }

    func testWithNoPreviousCanvasEveryCellIsWrittenOnce() {
        let cells = CanvasDiff.cellsToWrite(from: nil, to: canvas(["abc", "de"]), visible: Size(width: 6, height: 2))
        XCTAssertEqual(cells.count, 12)
        XCTAssertEqual(cells.first, Point(x: 0, y: 0))
        XCTAssertEqual(cells.last, Point(x: 5, y: 1))
    }

    func testTheSameCanvasWritesNothing() {
        let frame = canvas(["abc", "de"])
        XCTAssertEqual(CanvasDiff.cellsToWrite(from: frame, to: frame, visible: frame.size), [])
    }

    func testOnlyTheChangedCellIsWritten() {
        let cells = CanvasDiff.cellsToWrite(from: canvas(["abc", "de"]), to: canvas(["abc", "dX"]), visible: Size(width: 6, height: 2))
        XCTAssertEqual(cells, [Point(x: 1, y: 1)])
    }

    func testAWideCharacterIsWrittenWithItsNeighbourAndItsContinuationIsSkipped() {
        // 李 takes cells 1 and 2: the wide character is written, and its continuation cell is not
        // written on its own (it would clear the character's second half).
        let cells = CanvasDiff.cellsToWrite(from: canvas(["abcd"]), to: canvas(["a李d"]), visible: Size(width: 6, height: 1))
        XCTAssertEqual(cells, [Point(x: 1, y: 0)])
    }

    func testAWideCharacterReplacedByNarrowOnesClearsBothCells() {
        let cells = CanvasDiff.cellsToWrite(from: canvas(["a李d"]), to: canvas(["abcd"]), visible: Size(width: 6, height: 1))
        XCTAssertEqual(cells, [Point(x: 1, y: 0), Point(x: 2, y: 0)])
    }

    func testCellsOutsideTheVisibleSizeAreNotWritten() {
        let cells = CanvasDiff.cellsToWrite(from: nil, to: canvas(["abc", "de"]), visible: Size(width: 2, height: 1))
        XCTAssertEqual(cells, [Point(x: 0, y: 0), Point(x: 1, y: 0)])
        XCTAssertEqual(CanvasDiff.cellsToWrite(from: nil, to: canvas(["abc"]), visible: Size(width: 0, height: 0)), [])
    }
}

/// The colour pairs and attributes of every style, worked out with no terminal at all.
final class ColorPairPlanTests: XCTestCase {
    func testEachStyleHasAPairOfItsOwnOnAColourTerminal() {
        let plan = ColorPairPlan(theme: Theme(capability: .full), capability: .full, pairLimit: 256, defaultColors: true)
        XCTAssertEqual(plan.entries.count, Style.allCases.count)
        for style in Style.allCases { XCTAssertEqual(plan[style].pair, Int16(style.rawValue + 1), "\(style)") }
        XCTAssertEqual(plan[.title], ColorPairPlan.Entry(attributes: [.bold], pair: Int16(Style.title.rawValue + 1),
                                                         foreground: TerminalColor.white.rawValue, background: TerminalColor.blue.rawValue))
        XCTAssertEqual(plan[.normal].foreground, -1, "the terminal's own colours where it has them")
        XCTAssertEqual(plan.pairsToInitialise.count, Style.allCases.count)
    }

    func testWithoutDefaultColoursDefaultBecomesWhiteOnBlack() {
        let plan = ColorPairPlan(theme: Theme(capability: .full), capability: .full, pairLimit: 256, defaultColors: false)
        XCTAssertEqual(plan[.normal].foreground, TerminalColor.white.rawValue)
        XCTAssertEqual(plan[.normal].background, TerminalColor.black.rawValue)
    }

    func testMonochromeUsesNoPairsButKeepsTheAttributes() {
        let theme = Theme(capability: .monochrome)
        let plan = ColorPairPlan(theme: theme, capability: .monochrome, pairLimit: 256, defaultColors: true)
        XCTAssertEqual(plan.pairsToInitialise, [])
        for style in Style.allCases {
            XCTAssertEqual(plan[style].pair, 0, "\(style)")
            XCTAssertEqual(plan[style].attributes, theme.appearance(of: style).attributes, "\(style)")
        }
    }

    func testStylesBeyondThePairLimitUseTheDefaultPair() {
        let plan = ColorPairPlan(theme: Theme(capability: .basic), capability: .basic, pairLimit: 3, defaultColors: true)
        XCTAssertEqual(plan.pairsToInitialise.map(\.pair), [1, 2])
        XCTAssertEqual(plan[Style.allCases[2]].pair, 0)
    }
}
