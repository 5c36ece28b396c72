import TerminalUI

extension ActionTable {
    /// A screen's own actions, then its focused widget's: the widget wins every key both bind
    /// (a filter being typed takes the letters and Enter), yet the screen's are listed first.
    @MainActor
    init(_ own: [Action], widget: any Widget) {
        self = ActionTable(own).yielding(to: widget.actions)
    }
}
