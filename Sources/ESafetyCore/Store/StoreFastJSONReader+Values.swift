import Foundation

/// Whole values of any kind, stepped over: to check a document's grammar, and to find where
/// each member and element starts (``StoreFastDecoder``).
extension StoreFastJSONReader {
    /// Steps over the next value of any kind, checked against JSON's grammar, its strings'
    /// UTF-8 and escapes checked at least as strictly as ``StoreJSONValidator`` checks them (keys'
    /// uniqueness is left to whoever reads them), nested at most as deep as the store allows
    /// (``StoreJSONValidator/maximumDepth``).
    mutating func skipValue() -> Bool { skipValue(depth: 0) }

    private mutating func skipValue(depth: Int) -> Bool {
        guard depth < StoreJSONValidator.maximumDepth else { return false }
        skipSpace()
        guard position < bytes.count else { return false }
        switch bytes[position] {
        case 0x22:
            return skipString()
        case 0x7B:
            position += 1
            if take(0x7D) { return true }
            repeat {
                guard skipString(), take(0x3A), skipValue(depth: depth + 1) else { return false }
            } while take(0x2C)
            return take(0x7D)
        case 0x5B:
            position += 1
            if take(0x5D) { return true }
            repeat {
                guard skipValue(depth: depth + 1) else { return false }
            } while take(0x2C)
            return take(0x5D)
        case 0x74: return literal("true")
        case 0x66: return literal("false")
        case 0x6E: return literal("null")
        default: return skipNumber()
        }
    }

    /// Steps over a string, its escapes (a surrogate only in a pair) and its UTF-8 checked.
    mutating func skipString() -> Bool {
        guard take(0x22) else { return false }
        while true {
            position = endOfPlainASCII(from: position)
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22: return true
            case 0x5C:
                guard position < bytes.count else { return false }
                let escaped = bytes[position]
                position += 1
                if escaped == 0x75 {
                    guard let unit = hex4() else { return false }
                    if (0xDC00...0xDFFF).contains(unit) { return false }  // a low surrogate alone
                    if (0xD800...0xDBFF).contains(unit) {
                        guard bytes.count - position >= 6, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else { return false }
                        position += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return false }
                    }
                } else if Self.escaped(escaped) == nil {
                    return false
                }
            case 0..<0x20: return false
            case 0x80...0xFF: guard skipUTF8Sequence(lead: byte) else { return false }
            default: continue
            }
        }
    }

    /// The rest of a UTF-8 sequence whose `lead` byte was just stepped over (RFC 3629: no
    /// overlong form, no surrogate, nothing past U+10FFFF).
    private mutating func skipUTF8Sequence(lead: UInt8) -> Bool {
        let second: ClosedRange<UInt8>
        let count: Int
        switch lead {
        case 0xC2...0xDF: (second, count) = (0x80...0xBF, 1)
        case 0xE0: (second, count) = (0xA0...0xBF, 2)
        case 0xED: (second, count) = (0x80...0x9F, 2)
        case 0xE1...0xEF: (second, count) = (0x80...0xBF, 2)
        case 0xF0: (second, count) = (0x90...0xBF, 3)
        case 0xF1...0xF3: (second, count) = (0x80...0xBF, 3)
        case 0xF4: (second, count) = (0x80...0x8F, 3)
        default: return false
        }
        guard bytes.count - position >= count, second.contains(bytes[position]) else { return false }
        for offset in 1..<count where !(0x80...0xBF).contains(bytes[position + offset]) { return false }
        position += count
        return true
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func skipNumber() -> Bool {
        if position < bytes.count, bytes[position] == 0x2D { position += 1 }
        guard position < bytes.count, Self.isDigit(bytes[position]) else { return false }
        if bytes[position] == 0x30 { position += 1 } else { skipDigits() }
        if position < bytes.count, bytes[position] == 0x2E {
            position += 1
            guard skipDigits() else { return false }
        }
        if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
            position += 1
            if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
            guard skipDigits() else { return false }
        }
        return true
    }

    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = position
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        return position > start
    }
}
