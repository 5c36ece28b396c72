/// A place to show a `Canvas` and read keys from. Two backends: `CursesTerminal` for real
/// terminals and `VirtualTerminal` for tests. All calls happen on the main actor.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// The colours the terminal offers (already lowered for `NO_COLOR`).
    var colorCapability: ColorCapability { get }
    /// Shows a canvas drawn at the current size, with its cursor.
    func present(_ canvas: Canvas)
    /// Waits for the next event; `timeoutMilliseconds` nil waits for ever.
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent
    /// Gives the terminal back to the shell in the state it was found in.
    func shutdown()
    /// The function keys the terminal has (F1-F12 on most; PF1-PF4 only on a vt100). The key bar
    /// shows another key of an action whose function key is missing.
    var functionKeys: Set<Int> { get }
    /// Makes the next `present` clear the physical screen and draw every cell (Ctrl-L, the lock).
    func forceFullRedraw()
    /// An event already waiting, without waiting for one; nil if none is. The application
    /// handles such events before it draws again, so that keys typed faster than a frame (a paste
    /// from a terminal without bracketed paste) cost one frame, not one each.
    func nextWaitingEvent() -> InputEvent?
}

extension Terminal {
    public var functionKeys: Set<Int> { Set(1...12) }
    public func forceFullRedraw() {}
    /// None: each event is drawn after (`VirtualTerminal`, whose tests look at every frame).
    public func nextWaitingEvent() -> InputEvent? { nil }
}
