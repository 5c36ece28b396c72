/// How a terminal shows each `Style`: its attributes and the colour pair it is drawn in, worked
/// out from the theme and what the terminal offers. Plain Swift, so it is tested without a
/// terminal; `CursesTerminal` initialises the pairs it lists and converts the attributes.
///
/// Style `n` gets pair `n + 1`. It gets pair 0 (the terminal's default colours) when the
/// terminal is monochrome (or `NO_COLOR` is set) or has too few pairs. Without default-colour
/// support (`use_default_colors`), "default" becomes white on black.
struct ColorPairPlan: Equatable {
    /// One style's rendition.
    struct Entry: Equatable {
        var attributes: TextAttributes
        /// The pair to draw in: 0 for the terminal's own colours.
        var pair: Int16
        var foreground: Int16
        var background: Int16
    }

    /// By `Style.rawValue`.
    let entries: [Entry]

    init(theme: Theme, capability: ColorCapability, pairLimit: Int, defaultColors: Bool) {
        entries = Style.allCases.map { style in
            let appearance = theme.appearance(of: style)
            let pair = style.rawValue + 1
            guard capability != .monochrome, pair < pairLimit else {
                return Entry(attributes: appearance.attributes, pair: 0, foreground: -1, background: -1)
            }
            var foreground = appearance.foreground.rawValue
            var background = appearance.background.rawValue
            if !defaultColors {
                if foreground < 0 { foreground = TerminalColor.white.rawValue }
                if background < 0 { background = TerminalColor.black.rawValue }
            }
            return Entry(attributes: appearance.attributes, pair: Int16(pair), foreground: foreground, background: background)
        }
    }

    /// The entry of one style.
    subscript(style: Style) -> Entry { entries[style.rawValue] }

    /// The pairs to initialise (`init_pair`): every entry drawn in a pair of its own.
    var pairsToInitialise: [Entry] { entries.filter { $0.pair != 0 } }
}
