/// One of the three terms of an English school year, in the order they fall.
public enum TermSeason: String, Codable, CaseIterable, Comparable, Sendable {
    case autumn, spring, summer

    /// "Autumn", "Spring" or "Summer".
    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The holiday that follows the term: "Christmas holiday", "Easter holiday", "Summer holiday".
    public var holidayAfter: String {
        switch self {
        case .autumn: return "Christmas holiday"
        case .spring: return "Easter holiday"
        case .summer: return "Summer holiday"
        }
    }

    public static func < (lhs: TermSeason, rhs: TermSeason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
