/// The colours a terminal offers, from most to least.
public enum ColorCapability: Sendable, Equatable {
    /// 256 colours or more.
    case full
    /// The eight ANSI colours.
    case basic
    /// No colour: bold, reverse and underline only (monochrome terminals and `NO_COLOR`).
    case monochrome
}

/// The eight ANSI colours, which every colour terminal has.
public enum TerminalColor: Int16, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
    /// The terminal's own default colour.
    case `default` = -1
}

/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
}

/// How one `Style` looks: foreground, background and attributes.
public struct Appearance: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes
    public init(_ foreground: TerminalColor = .default, _ background: TerminalColor = .default, _ attributes: TextAttributes = []) {
        self.foreground = foreground; self.background = background; self.attributes = attributes
    }
}

/// Maps each `Style` to an `Appearance` for the terminal's colour capability.
public struct Theme: Sendable {
    public var capability: ColorCapability
    public init(capability: ColorCapability) { self.capability = capability }

    /// Chooses the capability from the environment and the terminal: `NO_COLOR` (any value)
    /// turns colour off, as https://no-color.org asks.
    public static func capability(colors: Int, environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colors >= 256 { return .full }
        if colors >= 8 { return .basic }
        return .monochrome
    }

    public func appearance(of style: Style) -> Appearance {
        if capability == .monochrome { return monochrome(style) }
        switch style {
        case .normal: return Appearance()
        case .title: return Appearance(.white, .blue, [.bold])
        case .heading: return Appearance(.cyan, .default, [.bold])
        case .dim: return Appearance(.default, .default, [.dim])
        case .emphasis: return Appearance(.yellow, .default, [.bold])
        case .selected: return Appearance(.black, .cyan)
        case .selectedInactive: return Appearance(.black, .white)
        case .field: return Appearance(.default, .default, [.underline])
        case .fieldFocused: return Appearance(.black, .yellow)
        case .error: return Appearance(.red, .default, [.bold])
        case .warning: return Appearance(.yellow, .default, [.bold])
        case .success: return Appearance(.green, .default, [.bold])
        case .statusBar: return Appearance(.white, .blue)
        case .keyName: return Appearance(.white, .black, [.bold])
        case .keyLabel: return Appearance(.black, .cyan)
        case .border: return Appearance(.blue, .default)
        case .dialog: return Appearance(.black, .white)
        }
    }

    private func monochrome(_ style: Style) -> Appearance {
        switch style {
        case .normal, .border, .dialog: return Appearance()
        case .title, .heading, .emphasis, .keyName, .error, .warning: return Appearance(.default, .default, [.bold])
        case .dim: return Appearance(.default, .default, [.dim])
        case .selected, .fieldFocused, .statusBar, .keyLabel: return Appearance(.default, .default, [.reverse])
        case .selectedInactive, .field: return Appearance(.default, .default, [.underline])
        case .success: return Appearance()
        }
    }
}
