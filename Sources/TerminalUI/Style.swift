/// What a run of text means on screen. Widgets say what they draw; the `Theme` decides how that
/// looks on a colour, 8-colour or monochrome terminal, so the fallbacks live in one place.
public enum Style: Int, Hashable, Sendable, CaseIterable {
    case normal
    case title
    case heading
    case dim
    case emphasis
    case selected
    case selectedInactive
    case field
    case fieldFocused
    case error
    case warning
    case success
    case statusBar
    case keyName
    case keyLabel
    case border
    case dialog
}
