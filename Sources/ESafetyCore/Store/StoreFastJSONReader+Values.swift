import Foundation

/// Whole values of any kind, stepped over: to check a document's grammar, and to find where
/// each member and element starts (``StoreFastDecoder``).
extension StoreFastJSONReader {
    /// Steps over the next value of any kind, checked against JSON's grammar (strings' UTF-8
    /// and keys' uniqueness are left to whoever reads it), nested at most as deep as the store
    /// allows (``StoreJSONValidator/maximumDepth``).
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

    /// Steps over a string, its escapes checked.
    mutating func skipString() -> Bool {
        guard take(0x22) else { return false }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22: return true
            case 0x5C:
                guard position < bytes.count else { return false }
                let escaped = bytes[position]
                position += 1
                if escaped == 0x75 {
                    guard hex4() != nil else { return false }
                } else if Self.escaped(escaped) == nil {
                    return false
                }
            case 0..<0x20: return false
            default: continue
            }
        }
        return false
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
