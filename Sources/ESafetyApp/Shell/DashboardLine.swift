import CivilTime
import TerminalUI

/// One line of the home dashboard: what it says, how it looks, and the screen it opens.
@MainActor
struct DashboardLine {
    var text: String
    var style: Style
    var open: @MainActor () -> ScreenResponse

    init(_ text: String, style: Style = .normal, open: @escaping @MainActor () -> ScreenResponse) {
        self.text = text; self.style = style; self.open = open
    }
}

/// A part of the home dashboard that one area contributes (reviews due, open incidents,
/// AUP completion). Each area adds its section to `HomeScreen.dashboardSections`.
@MainActor
protocol DashboardSection {
    /// A heading such as "Reviews".
    var title: String { get }
    /// The heading where a section has one row, before its first line (the title unless set).
    var shortTitle: String { get }
    /// The lines to show today, most urgent first; empty when there is nothing to say.
    func lines(context: AppContext, today: CivilDate) -> [DashboardLine]
    /// The area's own screen, opened from the section's "… and N more" line when its lines do
    /// not all fit.
    func openArea(context: AppContext) -> ScreenResponse
}

extension DashboardSection {
    func openArea(context: AppContext) -> ScreenResponse { .handled }
    var shortTitle: String { title }
}
