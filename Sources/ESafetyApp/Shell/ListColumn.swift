import TerminalUI

/// One column of a `ListScreen` and what each row shows in it, so a list names each column
/// beside its cell rather than in two lists that must be kept in the same order.
struct ListColumn<Row> {
    let column: TableColumn
    let cell: (Row) -> String

    init(_ title: String, _ width: TableColumn.Width, alignment: TableColumn.Alignment = .left, cell: @escaping (Row) -> String) {
        column = TableColumn(title: title, width: width, alignment: alignment)
        self.cell = cell
    }
}
