/// One entry of a `MenuView`: a title, an optional detail shown beside it, and whether it can
/// be used yet.
public struct MenuItem: Hashable, Sendable {
    public var title: String
    /// A few words after the title: what it does, or why it is disabled ("coming soon").
    public var detail: String
    /// A disabled item is drawn dimmed. It can still be selected and activated: its owner
    /// decides what to say.
    public var enabled: Bool

    public init(title: String, detail: String = "", enabled: Bool = true) {
        self.title = title; self.detail = detail; self.enabled = enabled
    }
}
