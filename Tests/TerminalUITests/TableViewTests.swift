import XCTest
import TerminalUI

@MainActor
final class TableViewTests: XCTestCase {
    private struct Pupil { var name: String; var form: String; var incidents: Int }

    private let pupils = [
        Pupil(name: "Zoë Ōkubo", form: "6B", incidents: 2),
        Pupil(name: "李小龍", form: "5A", incidents: 12),
        Pupil(name: "Bartholomew Featherstonehaugh", form: "4C", incidents: 0),
    ]

    private func makeTable() -> TableView<Pupil> {
        TableView(columns: [
            TableColumn(title: "Name", width: .flexible(min: 8)),
            TableColumn(title: "Form", width: .fixed(4)),
            TableColumn(title: "Count", width: .fixed(5), alignment: .right),
        ], rows: pupils) { [$0.name, $0.form, String($0.incidents)] }
    }

    func testHeaderAlignmentAndTruncationByDisplayWidth() async {
        let canvas = render(makeTable(), width: 30, height: 5)
        // Name is 30 - 4 - 5 - 2 * 2 = 17 columns wide; 李小龍 takes 6 of them.
        XCTAssertEqual(canvas.text, """
            Name               Form  Count
            Zoë Ōkubo          6B        2
            李小龍             5A       12
            Bartholomew…       4C        0

            """)
        XCTAssertEqual(canvas[0, 0].style, .heading)
        XCTAssertEqual(canvas[0, 1].style, .selected)
    }

    func testFlexibleColumnsShareTheRoom() async {
        let columns = [
            TableColumn(title: "A", width: .flexible(min: 2)),
            TableColumn(title: "B", width: .fixed(3)),
            TableColumn(title: "C", width: .flexible(min: 2)),
        ]
        XCTAssertEqual(TableColumn.layout(columns, available: 20, spacing: 1), [8, 3, 7])
        XCTAssertEqual(TableColumn.layout(columns, available: 5, spacing: 1), [2, 3, 2], "minimums are kept")
        XCTAssertEqual(TableColumn(title: "", width: .fixed(4), alignment: .right).format("李", width: 4), "  李")
    }

    func testSameFilterAsListView() async {
        let table = makeTable()
        XCTAssertEqual(press(.character("/"), on: table), [.handled])
        type("OKUBO", into: table)
        XCTAssertEqual(table.filteredRows.map(\.name), ["Zoë Ōkubo"])
        let canvas = render(table, width: 30, height: 4)
        XCTAssertEqual(canvas.line(3), "/OKUBO                  1 of 3")
        XCTAssertEqual(press(.enter, .escape, .escape, on: table), [.activated, .handled, .unhandled], "Enter opens the only match")
        XCTAssertEqual(table.filteredRows.count, 3)
        XCTAssertEqual(table.selectedRow?.name, "Zoë Ōkubo")
    }

    func testFilterDoesNotMatchAcrossCells() async {
        let table = makeTable()
        press(.character("/"), on: table)
        type("6b", into: table)
        XCTAssertEqual(table.filteredRows.count, 1)
        type("2", into: table)
        XCTAssertEqual(table.filteredRows.count, 0, "'6B' and '2' are different cells")
        XCTAssertEqual(render(table, width: 30, height: 4).line(1), "No match for '6b2'")
    }

    func testSelectionScrollsBelowTheHeader() async {
        let table = TableView(columns: [TableColumn(title: "N", width: .flexible(min: 3))], rows: Array(1...20)) { [String($0)] }
        press(.end, on: table)
        let canvas = render(table, width: 10, height: 4)
        XCTAssertEqual(canvas.line(0), "N")
        XCTAssertEqual(canvas.line(3), "20       █")
        XCTAssertEqual(table.selectedIndex, 19)
        XCTAssertEqual(press(.enter, on: table), [.activated])
    }

    func testAColumnThatCanBeWholeIsMadeWholeBeforeALongOneTakesTheRest() async {
        let columns = [TableColumn(title: "Name", width: .flexible(min: 10)), TableColumn(title: "Roles", width: .flexible(min: 10))]
        // 60 columns, 1 between: the names need 22, the roles 90.
        let widths = TableColumn.layout(columns, available: 60, spacing: 1, natural: [22, 90])
        XCTAssertEqual(widths, [22, 37], "the name column is whole; the roles take what is left")
        XCTAssertEqual(TableColumn.layout(columns, available: 60, spacing: 1, natural: [12, 20]), [12 + 14, 20 + 13],
                       "room beyond every natural width is shared")
    }
}
