import TerminalUI

extension WidgetResponse {
    /// What a screen answers after its main widget took a key: Enter on an item (`activated`)
    /// runs `activate`; a key the widget did not use goes on to the action tables.
    @MainActor
    func screenResponse(activate: () -> ScreenResponse) -> ScreenResponse {
        switch self {
        case .activated: return activate()
        case .handled, .changed: return .handled
        case .unhandled: return .unhandled
        }
    }
}
