import ESafetyCore
import TerminalUI

/// The first screen: the five areas of the policy and Settings, as a numbered menu, with a
/// summary of who to contact beside it when the terminal is wide enough.
@MainActor
public final class HomeScreen: Screen {
    /// An entry of the home menu; areas that a later release builds say so.
    enum Area: Int, CaseIterable {
        case incidents, flowchart, directory, aup, reviews, settings

        var title: String {
            switch self {
            case .incidents: return "Incidents"
            case .flowchart: return "Response flowchart"
            case .directory: return "Role directory"
            case .aup: return "AUP signatures"
            case .reviews: return "Review schedule"
            case .settings: return "Settings"
            }
        }

        var detail: String {
            switch self {
            case .incidents: return "record an incident, the log, figures"
            case .flowchart: return "responding to incidents (not built yet)"
            case .directory: return "roles, people, who do I tell?"
            case .aup: return "who signed which AUP, and who has not"
            case .reviews: return "what is due, overdue and done (not built yet)"
            case .settings: return "school profile and external contacts"
            }
        }

        var isBuilt: Bool { self == .incidents || self == .directory || self == .settings || self == .aup }
    }

    /// The areas' parts of the dashboard, drawn under the contacts.
    static let dashboardSections: [any DashboardSection] = [IncidentsDashboardSection(), AUPDashboardSection()]

    private let context: AppContext
    private let menu: MenuView

    public init(context: AppContext) {
        self.context = context
        menu = MenuView(items: Area.allCases.map { MenuItem(title: $0.title, detail: $0.detail, enabled: $0.isBuilt) })
        menu.selectedIndex = Area.directory.rawValue
    }

    public let title = "Home"
    public var helpText: String { context.help("home") }

    public var actions: ActionTable {
        ActionTable([
            Action("open", keys: [.enter], label: "Open", help: "Open the selected area (or press its number)"),
            Action("quit-home", keys: [.character("q")], label: "Quit", help: "Quit esafety"),
        ])
    }

    public func draw(into canvas: inout Canvas, rect: Rect) {
        let profile = context.workspace.profile
        canvas.write(profile.schoolName, at: Point(x: rect.x + 2, y: rect.y + 1), style: .heading, clip: rect)
        let wide = rect.width >= 100
        let menuRect = Rect(x: rect.x + 2, y: rect.y + 3, width: wide ? 64 : rect.width - 4, height: Area.allCases.count)
        menu.draw(into: &canvas, rect: menuRect, focused: true)
        let summaryRect = wide
            ? Rect(x: rect.x + 68, y: rect.y + 3, width: rect.width - 70, height: rect.height - 4)
            : Rect(x: rect.x + 2, y: menuRect.maxY + 1, width: rect.width - 4, height: rect.maxY - menuRect.maxY - 1)
        drawSummary(into: &canvas, rect: summaryRect)
    }

    private func drawSummary(into canvas: inout Canvas, rect: Rect) {
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
        for section in Self.dashboardSections { lines += [("", .normal), (section.title, .heading)] + section.lines(context: context, today: workspace.today).map { ($0.text, $0.style) } }
        var y = rect.y
        for (text, style) in lines {
            for part in TextWrap.wrap(text, width: rect.width) where y < rect.maxY {
                canvas.write(part, at: Point(x: rect.x, y: y), style: style, clip: rect)
                y += 1
            }
        }
    }

    public func handle(key: Key) -> ScreenResponse {
        menu.handle(key: key).screenResponse { open(Area(rawValue: menu.selectedIndex)) }
    }

    public func perform(_ action: ActionID) -> ScreenResponse {
        switch action {
        case "open": return open(Area(rawValue: menu.selectedIndex))
        case "quit-home": return .quit
        default: return .unhandled
        }
    }

    private func open(_ area: Area?) -> ScreenResponse {
        guard let area else { return .handled }
        switch area {
        case .incidents: return IncidentsMenu.screen(context: context)
        case .directory: return .push(directoryMenuScreen(context: context))
        case .settings: return .push(settingsScreen(context: context))
        case .aup: return aupMenuScreen(context: context)
        default:
            return .message("\(area.title) is not built yet in this version of esafety; it is planned. Until then, keep using the paper forms.", .warning)
        }
    }
}
