/// A use of a pupil's image or work that needs a parent's or carer's written consent (St Paul's
/// policy, "Use of digital and video images").
public enum ConsentUse: String, Codable, CaseIterable, Sendable, Comparable {
    case website
    case socialMedia = "social-media"
    case newsletterPress = "newsletter-press"
    case displays
    case pupilsWork = "pupils-work"

    /// "School website", for screens and printed lists.
    public var title: String {
        switch self {
        case .website: return "School website"
        case .socialMedia: return "Social media"
        case .newsletterPress: return "Newsletter and press"
        case .displays: return "Displays in school"
        case .pupilsWork: return "Pupils' work"
        }
    }

    /// A short label for narrow columns.
    public var shortTitle: String {
        switch self {
        case .website: return "Web"
        case .socialMedia: return "Social"
        case .newsletterPress: return "Press"
        case .displays: return "Display"
        case .pupilsWork: return "Work"
        }
    }

    /// The uses that are photographs or video of the pupil (pupils' work is their work, not their image).
    public static let imageUses: [ConsentUse] = [.website, .socialMedia, .newsletterPress, .displays]

    /// Reads "website", "social-media", "social media", "press" and the like.
    public static func parse(_ text: String) -> ConsentUse? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-")
        if let use = ConsentUse(rawValue: key) { return use }
        return allCases.first { $0.keywords.contains { key.contains($0) } }
    }

    /// Words in a CSV header or an argument that mean this use.
    var keywords: [String] {
        switch self {
        case .website: return ["website", "web"]
        case .socialMedia: return ["social"]
        case .newsletterPress: return ["newsletter", "press"]
        case .displays: return ["display"]
        case .pupilsWork: return ["work"]
        }
    }

    public static func < (a: ConsentUse, b: ConsentUse) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
