import TerminalUI

/// The one shape of an area's entry point: a caseless enum in the area's own folder (such as
/// `IncidentsMenu` in `Incidents/`) whose `open(context:)` enters the area. The home menu opens
/// every area through it, and so does a dashboard line that opens an area. Opening may refuse
/// with a message (the records cannot be read, the account has nothing to do there), so it
/// answers a `ScreenResponse` rather than a screen.
@MainActor
protocol AreaEntry {
    /// Enters the area: usually pushes its menu or first screen.
    static func open(context: AppContext) -> ScreenResponse
}
