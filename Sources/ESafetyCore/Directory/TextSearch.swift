import Foundation

/// Case- and accent-insensitive matching, so "zoe" finds "Zoë" and "okubo" finds "Ōkubo".
public enum TextSearch {
    /// The form of a text that searches compare.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// True when every word of the query appears in one of the texts.
    public static func matches(_ query: String, in texts: [String]) -> Bool {
        let words = fold(query).split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = texts.map(fold).joined(separator: "\u{1F}")
        return words.allSatisfy { haystack.contains($0) }
    }
}
