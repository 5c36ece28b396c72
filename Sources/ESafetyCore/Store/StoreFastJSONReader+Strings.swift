import Foundation

/// Strings as JSON writes them: the plain bytes of one with no escape (most of them), or its
/// escapes read, `\uXXXX` with its surrogate pairs, into checked UTF-8.
extension StoreFastJSONReader {
    /// The bytes between the quotes of a string with no escape and no control character, and
    /// whether they are all ASCII; nil (the position anywhere) for any other string.
    mutating func plainString() -> (bytes: UnsafeBufferPointer<UInt8>, ascii: Bool)? {
        guard take(0x22) else { return nil }
        let start = position
        var ascii = true
        while true {
            position = endOfPlainASCII(from: position)
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte == 0x22 {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return (slice, ascii)
            }
            if byte == 0x5C || byte < 0x20 { return nil }
            ascii = false  // a byte of a multi-byte sequence (checked when the text is made)
            position += 1
        }
    }

    /// The first position from `start` holding a quote, a backslash, a control character or a
    /// byte of 0x80 or more (`bytes.count` if there is none): the run of plain ASCII inside a
    /// string, stepped over eight bytes at a time. Long strings in the store (a sealed record's
    /// base64, a description) are mostly such a run.
    func endOfPlainASCII(from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while bytes.count - index >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                // A byte is zero in `quote` where `word` has a quote (the same for a backslash);
                // `x - 0x01…01 & ~x` sets a byte's high bit where x has a zero byte, and
                // `word - 0x20…20 & ~word` where word has a byte below 0x20.
                let found = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    | ((word &- ones &* 0x20) & ~word) | word
                if found & highs != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { return index }
            index += 1
        }
        return index
    }

    /// A string with escapes, unescaped into its UTF-8 and then checked.
    mutating func escapedString() -> String? {
        guard take(0x22) else { return nil }
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22: return String(validating: text, as: UTF8.self)
            case 0x5C: guard unescape(into: &text) else { return nil }
            case 0..<0x20: return nil
            default: text.append(byte)
            }
        }
        return nil
    }

    /// The escape after a backslash, appended to `text` as UTF-8.
    private mutating func unescape(into text: inout [UInt8]) -> Bool {
        guard position < bytes.count else { return false }
        let letter = bytes[position]
        position += 1
        guard letter == 0x75 else {
            guard let byte = Self.escaped(letter) else { return false }
            text.append(byte)
            return true
        }
        guard let unit = hex4() else { return false }
        var value = unit
        switch unit {
        case 0xD800...0xDBFF:  // a high surrogate: its low one must follow at once
            guard bytes.count - position >= 2, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else { return false }
            position += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
            value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            return false
        default:
            break
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        text.append(contentsOf: scalar.utf8)
        return true
    }

    /// The four hex digits of a `\u` escape.
    mutating func hex4() -> UInt32? {
        guard bytes.count - position >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// The byte a one-letter escape (`\"`, `\n`…) stands for.
    static func escaped(_ letter: UInt8) -> UInt8? {
        switch letter {
        case 0x22, 0x5C, 0x2F: return letter
        case 0x62: return 0x08
        case 0x66: return 0x0C
        case 0x6E: return 0x0A
        case 0x72: return 0x0D
        case 0x74: return 0x09
        default: return nil
        }
    }
}
