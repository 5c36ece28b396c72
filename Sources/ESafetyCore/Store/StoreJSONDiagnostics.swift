import Foundation

/// Turns JSON decoding errors into reasons people can act on: a line and column for broken
/// syntax (including invalid UTF-8 and files cut short), a field path for wrong or missing values.
enum StoreJSONDiagnostics {
    /// Why `data` could not be decoded, given the error the decoder threw.
    static func reason(for error: any Error, data: Data) -> String {
        if isBlank(data) { return emptyReason }
        guard let decodingError = error as? DecodingError else { return String(describing: error) }
        switch decodingError {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return syntaxProblem(in: data) ?? context.debugDescription
        case let .dataCorrupted(context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        case let .typeMismatch(type, context):
            let found = context.debugDescription
            return "at \(path(context.codingPath)): expected \(describe(type)); \(lowercaseFirst(found))"
        case let .keyNotFound(key, context):
            let place = context.codingPath.isEmpty ? "at the top level" : "at \(path(context.codingPath))"
            return "\(place): the field \"\(key.stringValue)\" is missing"
        case let .valueNotFound(type, context):
            return "at \(path(context.codingPath)): expected \(describe(type)) but the value is null or missing"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    static let emptyReason = "the file is empty (it may have been cut short while being written)"

    /// Nil if `data` is valid JSON; otherwise where and why it is not, e.g.
    /// "line 4, column 17: invalid value".
    static func syntaxProblem(in data: Data) -> String? {
        if isBlank(data) { return emptyReason }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let message = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String)
                ?? error.localizedDescription
            return describeSyntaxError(message, data: data)
        }
    }

    /// Rewrites a parser message such as "Invalid value around character 69." with a line and column.
    static func describeSyntaxError(_ message: String, data: Data) -> String {
        var text = message.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        if text.hasPrefix("Unexpected end of file") {
            let (line, _) = lineAndColumn(offset: data.count, in: data)
            return "line \(line): the file ends too early (it may have been cut short while being written)"
        }
        guard let offset = characterOffset(in: text) else { return lowercaseFirst(text) }
        let (line, column) = lineAndColumn(offset: offset, in: data)
        if text.hasPrefix("Invalid UTF-8") {
            return "line \(line), column \(column): the text is not valid UTF-8 (perhaps it was saved "
                + "from another program in a different encoding)"
        }
        for marker in [" around character ", " starting from character ", " at character "] {
            if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        }
        return "line \(line), column \(column): \(lowercaseFirst(text))"
    }

    /// The number after the word "character" in a parser message: a 0-based byte offset.
    static func characterOffset(in message: String) -> Int? {
        guard let range = message.range(of: "character ", options: .backwards) else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineAndColumn(offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(max(0, offset)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// A coding path as people write it: `people[3].dateOfBirth`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the top level" : text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text (String)"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "a whole number (\(type))"
        case is Double.Type, is Float.Type: return "a number (\(type))"
        case is Bool.Type: return "true or false (Bool)"
        case is Date.Type: return "a date"
        default: return "\(type)"
        }
    }

    private static func isBlank(_ data: Data) -> Bool {
        data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    private static func lowercaseFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
