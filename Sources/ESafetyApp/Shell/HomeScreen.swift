import ESafetyCore
import TerminalUI

/// The first screen: the five areas of the policy and Settings as a numbered menu, a dashboard
/// of what needs doing (each area contributes a section: see `dashboardSections`), and who to
/// contact. Tab moves the focus between the menu and the dashboard; Enter opens the selected
/// menu item or dashboard line; number keys always pick a menu item.
///
/// The menu takes the columns it needs to show its rows whole. When the dashboard's lines fit
/// beside it (56 columns or more beside the menu: about 140 wide) the dashboard takes the right-hand
/// side, full height, and the contacts go under the menu; otherwise (80x24, 100x32) the
/// dashboard and the contacts sit under the menu, as wide as the screen.
@MainActor
public final class HomeScreen: Screen {
    /// An entry of the home menu.
    enum Area: Int, CaseIterable {
        case incidents, flowchart, directory, aup, reviews, settings, imagesAndFiltering

        var title: String {
            switch self {
            case .incidents: return "Incidents"
            case .flowchart: return "Response flowchart"
            case .directory: return "Role directory"
            case .aup: return "AUP signatures"
            case .reviews: return "Review schedule"
            case .settings: return "Settings"
            case .imagesAndFiltering: return "Images and filtering"
            }
        }

        var detail: String {
            switch self {
            case .incidents: return "record an incident, the log, figures"
            case .flowchart: return "walk \"responding to incidents\" for an incident"
            case .directory: return "roles, people, who do I tell?"
            case .aup: return "who signed which AUP, and who has not"
            case .reviews: return "what is due, overdue and done"
            case .settings: return "school profile and external contacts"
            case .imagesAndFiltering: return "photo consent, filtering checks, unblocking"
            }
        }

        /// The area's entry point, in the area's own folder.
        var entry: any AreaEntry.Type {
            switch self {
            case .incidents: return IncidentsMenu.self
            case .flowchart: return FlowchartMenu.self
            case .directory: return DirectoryMenu.self
            case .aup: return AUPMenu.self
            case .reviews: return ReviewsScreen.self
            case .settings: return SettingsMenu.self
            case .imagesAndFiltering: return PolicyMenu.self
            }
        }
    }

    /// The dashboard's sections, most important first (a new incident ranks above reviews).
    /// Each area adds its own here, in one line.
    static var dashboardSections: [any DashboardSection] {
        [
            StoreProofDashboardSection(),
            NewIncidentsDashboardSection(),
            AlertsDashboardSection(),
            AccessChangesDashboardSection(),
            ReviewsDashboardSection(),
            IncidentsDashboardSection(),
            AUPDashboardSection(),
        ]
    }

    /// Which part of the screen has the keys.
    enum Focus { case menu, dashboard }

    private let context: AppContext
    private let menu: MenuView
    private let dashboard: HomeDashboard
    private(set) var focus = Focus.menu

    /// - Parameter deferDashboard: draw the first frame with "Loading the dashboard…" and work out
    ///   the dashboard just after it (see ``didPresentFirstFrame()``), as the app does on a terminal.
    public init(context: AppContext, deferDashboard: Bool = false) {
        self.context = context
        menu = MenuView(items: Area.allCases.map { MenuItem(title: $0.title, detail: $0.detail) })
        menu.selectedIndex = Area.directory.rawValue
        dashboard = HomeDashboard(context: context, sections: Self.dashboardSections)
        dashboard.waitsForPrepare = deferDashboard
    }

    public func didPresentFirstFrame() -> Bool {
        guard dashboard.waitsForPrepare else { return false }
        dashboard.prepare()
        return true
    }

    public let title = "Home"
    public var helpText: String { context.help("home") }

    public var actions: ActionTable {
        ActionTable([
            Action(.open, keys: [.enter], label: "Open", help: "Open the selected area or dashboard line"),
            Action(.switchFocus, keys: [.tab, .backTab], label: "Dashboard",
                   help: "Move between the menu and the dashboard"),
            Action(.quitHome, keys: [.character("q")], label: "Quit", help: "Quit esafety"),
            Action(.signOut, keys: [.function(9), .control("o")], label: "SignOut", help: "Sign out, so someone else can sign in (switch user)", inBar: true),
        ]).merged(with: focus == .dashboard ? dashboard.actions : ActionTable()).merged(with: menu.actions)
    }

    public func draw(into canvas: inout Canvas, rect: Rect) {
        let profile = context.workspace.profile
        canvas.write(profile.schoolName, at: Point(x: rect.x + 2, y: rect.y + 1), style: .heading, clip: rect)
        let menuWidth = min(rect.width - 4, menu.naturalWidth + 1)
        let dashboardWidth = dashboard.naturalWidth(height: rect.height - 4)
        let wide = rect.width - 4 - menuWidth - 4 >= min(dashboardWidth, 56)
        let menuRect = Rect(x: rect.x + 2, y: rect.y + 3, width: wide ? menuWidth : rect.width - 4, height: Area.allCases.count)
        menu.draw(into: &canvas, rect: menuRect, focused: focus == .menu)
        let below = Rect(x: rect.x + 2, y: menuRect.maxY + 1, width: menuRect.width, height: rect.maxY - menuRect.maxY - 1)
        let contacts = summaryLines(width: below.width)
        if wide {
            drawSummary(contacts, into: &canvas, rect: below)
            let right = Rect(x: menuRect.maxX + 4, y: rect.y + 3, width: rect.maxX - menuRect.maxX - 6, height: rect.height - 4)
            dashboard.draw(into: &canvas, rect: right, focused: focus == .dashboard)
        } else {
            // The dashboard first; the contacts keep their lines below it when there is room.
            let contactRows = min(contacts.count, max(0, below.height - 7))
            let dashboardRect = below.top(max(0, below.height - contactRows - (contactRows > 0 ? 1 : 0)))
            dashboard.draw(into: &canvas, rect: dashboardRect, focused: focus == .dashboard)
            drawSummary(contacts, into: &canvas, rect: below.bottom(contactRows))
        }
    }

    private func summaryLines(width: Int) -> [(String, Style)] {
        let workspace = context.workspace
        var lines: [(String, Style)] = [("Who to tell about an e-safety concern", .heading)]
        for roleID in [Role.WellKnown.esafetyLead, Role.WellKnown.headTeacher, Role.WellKnown.childProtectionLead] {
            guard let role = workspace.directory.role(roleID) else { continue }
            let holders = workspace.directory.holders(of: roleID)
            let names = holders.isEmpty ? "nobody yet: set in Role directory" : holders.map(\.fullName).joined(separator: ", ")
            lines.append(("\(role.name): \(names)", holders.isEmpty ? .warning : .normal))
        }
        if !workspace.profile.confirmed {
            lines.append(("", .normal))
            lines.append(("The school profile and contacts are placeholders: confirm them in Settings.", .warning))
        }
        return lines.flatMap { text, style in TextWrap.wrap(text, width: max(1, width)).map { ($0, style) } }
    }

    private func drawSummary(_ lines: [(String, Style)], into canvas: inout Canvas, rect: Rect) {
        for (row, (text, style)) in lines.prefix(max(0, rect.height)).enumerated() {
            canvas.write(text, at: Point(x: rect.x, y: rect.y + row), style: style, clip: rect)
        }
    }

    /// The menu's keys (its number keys pick an item whichever part has the focus).
    public func handle(key: Key) -> ScreenResponse {
        menu.handle(key: key).screenResponse { open(Area(rawValue: menu.selectedIndex)) }
    }

    public func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case .open: return focus == .dashboard ? dashboard.openSelected() : open(Area(rawValue: menu.selectedIndex))
        case .switchFocus:
            focus = focus == .menu && dashboard.hasLines ? .dashboard : .menu
            return .handled
        case .quitHome: return .quit
        case .signOut:
            guard context.workspace.session != nil else { return .message("Nobody is signed in.", .info) }
            let name = context.workspace.session?.fullName ?? ""
            context.workspace.session = nil
            return .sequence([.reset(SignInScreen(context: context)), .message("\(name) signed out.", .info)])
        default: return focus == .dashboard && dashboard.perform(action) ? .handled : .unhandled
        }
    }

    private func open(_ area: Area?) -> ScreenResponse {
        area?.entry.open(context: context) ?? .handled
    }
}
