/// An in-memory terminal for tests: events are queued by the test, and every presented canvas is
/// kept so the screen can be read back as text.
@MainActor
public final class VirtualTerminal: Terminal {
    public private(set) var size: Size
    public var colorCapability: ColorCapability
    /// The last canvas presented.
    public private(set) var screen: Canvas
    /// How many times a canvas was presented.
    public private(set) var presentCount = 0
    public private(set) var isShutDown = false
    private var pending: [InputEvent] = []

    public init(size: Size = Size(width: 80, height: 24), colorCapability: ColorCapability = .full) {
        self.size = size
        self.colorCapability = colorCapability
        self.screen = Canvas(size: size)
    }

    /// Queues keys to be read, in order.
    public func type(_ keys: Key...) { pending += keys.map { .key($0) } }
    public func type(_ keys: [Key]) { pending += keys.map { .key($0) } }

    /// Queues every character of a string as a key press.
    public func type(text: String) { pending += text.map { .key(.character($0)) } }

    /// Queues a change of size.
    public func resize(to newSize: Size) { pending.append(.resize(newSize)) }

    /// Queues any event.
    public func enqueue(_ event: InputEvent) { pending.append(event) }

    public var hasPendingEvents: Bool { !pending.isEmpty }

    /// Every screen presented, as text (for tests of what showed in passing, such as progress).
    public private(set) var history: [String] = []

    public func present(_ canvas: Canvas) {
        screen = canvas
        presentCount += 1
        history.append(canvas.text)
    }

    /// Returns the next queued event; with none left it reports the end of input, so a test's
    /// run loop always finishes.
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent {
        guard !pending.isEmpty else { return .endOfInput }
        let event = pending.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func shutdown() { isShutDown = true }

    /// The screen as text, trailing spaces removed.
    public var text: String { screen.text }
}
