/// What a filtering check tests: the content categories the DfE filtering standard and the
/// UK Safer Internet Centre's test sites cover. A check may also name other categories in words.
public enum FilteringCategory: String, Codable, CaseIterable, Sendable {
    case illegal
    case adult
    case selfHarm = "self-harm"
    case extremism
    case gambling
    case drugs
    case violence
    case hate
    case malware

    public var title: String {
        switch self {
        case .illegal: return "Illegal content (child sexual abuse, IWF list)"
        case .adult: return "Adult content (pornography)"
        case .selfHarm: return "Self-harm and suicide"
        case .extremism: return "Extremism and terrorism"
        case .gambling: return "Gambling"
        case .drugs: return "Drugs and substance abuse"
        case .violence: return "Violence"
        case .hate: return "Discrimination and hate"
        case .malware: return "Malware and hacking"
        }
    }

    /// Reads a category id, or keeps other words as they are ("other: proxy sites" stays itself).
    public static func normalise(_ text: String) -> String {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-")
        return FilteringCategory(rawValue: key)?.rawValue ?? text.trimmingCharacters(in: .whitespaces)
    }

    /// The title of a stored category: a known one's title, else the words as given.
    public static func title(of stored: String) -> String { FilteringCategory(rawValue: stored)?.title ?? stored }
}
