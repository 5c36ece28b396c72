import Foundation

/// Folds text for incremental search: case and diacritics removed ("Zoë Ōkubo" becomes
/// "zoe okubo"), as UTF-8 bytes, so matching is a plain byte substring search.
enum SearchFolding {
    /// The folded UTF-8 bytes of `text`. ASCII text (the common case) is only lower-cased, which
    /// keeps folding 100,000 rows fast; anything else goes through Foundation's folding.
    static func fold(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        if isASCII { return bytes }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Array(folded.lowercased().utf8)
    }

    /// True when `needle` occurs in `haystack[start..<end]`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, start: Int, end: Int,
                         _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        if count == 0 { return true }
        let last = end - count
        if last < start { return false }
        let first = needle[0]
        var i = start
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < count && haystack[i + j] == needle[j] { j += 1 }
                if j == count { return true }
            }
            i += 1
        }
        return false
    }
}
