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

/// Maps each `Style` to an `Appearance` for the terminal's colour capability, in the usual
/// palette or in high contrast (white, black and bold primaries, no dim text) for people who
/// find the usual one hard to read. `NO_COLOR` still wins: monochrome is monochrome.
public struct Theme: Sendable {
    public var capability: ColorCapability
    public var highContrast: Bool
    public init(capability: ColorCapability, highContrast: Bool = false) {
        self.capability = capability
        self.highContrast = highContrast
    }

    /// The environment variable that asks for the high-contrast theme (`high-contrast`).
    public static let themeVariable = "ESAFETY_THEME"

    /// True when the environment asks for high contrast.
    public static func prefersHighContrast(environment: [String: String]) -> Bool {
        environment[themeVariable]?.lowercased() == "high-contrast"
    }

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
        if highContrast { return highContrastAppearance(style) }
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

    private func highContrastAppearance(_ style: Style) -> Appearance {
        switch style {
        case .normal, .border: return Appearance(.white, .black)
        case .title, .statusBar, .dialog: return Appearance(.black, .white, [.bold])
        case .heading: return Appearance(.white, .black, [.bold, .underline])
        case .dim: return Appearance(.cyan, .black)  // a hint, told apart by colour, never faint
        case .emphasis: return Appearance(.yellow, .black, [.bold])
        case .selected, .keyName: return Appearance(.black, .yellow, [.bold])
        case .selectedInactive, .keyLabel: return Appearance(.black, .white)
        case .field: return Appearance(.white, .black, [.underline])
        case .fieldFocused: return Appearance(.black, .yellow, [.bold])
        case .error: return Appearance(.white, .red, [.bold])
        case .warning: return Appearance(.black, .yellow, [.bold])
        case .success: return Appearance(.black, .green, [.bold])
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
