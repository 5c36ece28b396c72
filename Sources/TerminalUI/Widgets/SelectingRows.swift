/// What `ListView` and `TableView` have in common: the selection, the incremental `/` filter
/// and the keys that move and filter, all kept by one `FilteredRows`. Only those two widgets
/// are made from it (it has no public initialiser); each adds how its rows are drawn.
@MainActor
public class SelectingRows {
    var state: FilteredRows

    init(keys: [String]) { state = FilteredRows(keys: keys) }

    /// The position among all rows of the selected one, or nil when no row is shown. Setting a
    /// row hidden by the filter leaves the selection where it was.
    public var selectedIndex: Int? {
        get { state.selectedIndex }
        set { if let newValue { state.select(index: newValue) } }
    }

    /// True while the user is typing a filter (the prompt is drawn on the last row).
    public var isFiltering: Bool { state.isFiltering }
    /// The filter typed or kept; empty when the rows are not filtered.
    public var filterText: String { state.filterText }
    /// How many rows the `/` filter leaves shown (all of them when there is no filter).
    public var shownCount: Int { state.visible.count }

    public func handle(key: Key) -> WidgetResponse { state.handle(key) }

    /// Moving, and the `/` filter (its text, keep and cancel while it is typed).
    public var actions: ActionTable { state.actions }

    public func perform(_ action: ActionID) -> WidgetResponse { state.perform(action) }

    /// Replaces the rows' search texts after the rows went from `previous` to `current`, keeping
    /// the filter. The selection stays on the row that looks the same (`look`) if there is one,
    /// else near the same position.
    func reload<Row, Look: Equatable>(keys: [String], previous: [Row], current: [Row], look: (Row) -> Look) {
        var preferred = state.selectedIndex ?? 0
        if let old = state.selectedIndex, old < previous.count {
            let oldLook = look(previous[old])
            if !(old < current.count && look(current[old]) == oldLook),
               let found = current.firstIndex(where: { look($0) == oldLook }) {
                preferred = found
            }
        }
        state.setKeys(keys, preferredIndex: preferred)
    }
}
