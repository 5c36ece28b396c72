import Foundation

/// The store's strict JSON reader: checks a file's bytes against RFC 8259 before anything
/// decodes them, because Foundation's parsers are lenient where the record must not be.
///
/// - A **duplicate key** in one object is refused, naming the key and both lines. Foundation
///   keeps the first value and python's `json` the last, so a file with one means different
///   things to different readers; esafety will not guess.
/// - Invalid UTF-8 (overlong forms, surrogates, cut sequences), control characters in strings,
///   bad escapes, bad numbers, trailing commas and trailing text are refused with a line and
///   a column.
/// - Nesting deeper than ``maximumDepth`` is refused (a pasted megabyte of `[` cannot exhaust
///   anything: the reader keeps its own small stack).
///
/// It also finds the document's top-level `"_revision"` member (see ``StoreRevision``). One pass
/// over the bytes, no allocation for objects under 16 keys: about as fast as reading them.
enum StoreJSONValidator {
    static let maximumDepth = 256

    /// What a pass over a valid document found.
    struct Outline: Equatable {
        /// The top-level `"_revision"` value, if the document is an object that has one.
        var revision: Int?
        /// Where the `"_revision"` value's digits are, for ``StoreRevision`` to replace.
        var revisionValue: Range<Int>?
        /// True when the document is a JSON object (every store document is).
        var isObject: Bool
    }

    /// Why a file is not strict JSON, at a line and column (1-based; columns count characters).
    struct Problem: Error, Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var reason: String
        var description: String { "line \(line), column \(column): \(reason)" }
    }

    /// The outline of `data`, or the first problem with it.
    static func validate(_ data: Data) -> Result<Outline, Problem> {
        data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            do {
                return .success(try scanner.document())
            } catch let failure as Failure {
                let (line, column) = StoreJSONDiagnostics.lineAndColumn(offset: failure.offset, in: data)
                return .failure(Problem(line: line, column: column, reason: failure.reason(in: data)))
            } catch {
                return .failure(Problem(line: 1, column: 1, reason: "\(error)"))
            }
        }
    }

    /// Nil if `data` is strict JSON; otherwise where and why it is not.
    static func problem(in data: Data) -> String? {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return StoreJSONDiagnostics.emptyReason }
        if case .failure(let problem) = validate(data) { return problem.description }
        return nil
    }

    fileprivate struct Failure: Error {
        enum Kind {
            case message(String)
            case duplicateKey(first: Int, key: Range<Int>)
        }
        var offset: Int
        var kind: Kind

        func reason(in data: Data) -> String {
            switch kind {
            case .message(let text):
                return text
            case let .duplicateKey(first, key):
                let name = String(decoding: data[key], as: UTF8.self)
                let (line, _) = StoreJSONDiagnostics.lineAndColumn(offset: first, in: data)
                return "the key \"\(name)\" appears twice in one object (first on line \(line)); "
                    + "esafety will not guess which value is meant"
            }
        }
    }

    /// One object being read: the keys seen so far (as byte ranges, escapes decoded on demand).
    private struct OpenObject {
        var keys: [Range<Int>] = []
        var hashed: Set<KeyText>?
    }

    /// A key compared by its meaning (escapes decoded), for objects with many keys.
    private struct KeyText: Hashable {
        var text: String
        var offset: Int
        static func == (a: KeyText, b: KeyText) -> Bool { a.text == b.text }
        func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func fail(_ text: String, at offset: Int? = nil) -> Failure {
            Failure(offset: offset ?? position, kind: .message(text))
        }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        /// The whole document: one value, then nothing but white space.
        mutating func document() throws -> Outline {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                throw fail("the file starts with a byte-order mark, which JSON does not allow")
            }
            skipSpace()
            guard position < bytes.count else { throw fail("the file ends too early (it may have been cut short while being written)") }
            var outline = Outline(revision: nil, revisionValue: nil, isObject: bytes[position] == 0x7B)
            try values(outline: &outline)
            skipSpace()
            if position < bytes.count { throw fail("unexpected text after the end of the document") }
            return outline
        }

        private enum Container { case object, array }

        /// Reads one value and everything inside it, with its own stack of open containers.
        mutating func values(outline: inout Outline) throws {
            var containers: [Container] = []
            var objects: [OpenObject] = []
            var readingRevision = false  // the value of the top-level "_revision" key comes next
            while true {
                // A value is expected here.
                skipSpace()
                guard position < bytes.count else { throw fail("the file ends too early (it may have been cut short while being written)") }
                let valueStart = position
                if readingRevision {
                    readingRevision = false
                    let first = bytes[position]
                    guard first == 0x2D || Self.isDigit(first) else { throw fail("\"_revision\" must be a whole number") }
                    try number()
                    guard let revision = Self.integer(bytes, valueStart..<position) else {
                        throw fail("\"_revision\" must be a whole number", at: valueStart)
                    }
                    outline.revision = revision
                    outline.revisionValue = valueStart..<position
                } else {
                switch bytes[position] {
                case 0x7B:  // {
                    position += 1
                    skipSpace()
                    if position < bytes.count, bytes[position] == 0x7D { position += 1; break }
                    guard containers.count < maximumDepth else { throw fail("the data is nested more than \(maximumDepth) levels deep") }
                    containers.append(.object)
                    objects.append(OpenObject())
                    readingRevision = try key(into: &objects[objects.count - 1], topLevel: containers.count == 1)
                    continue
                case 0x5B:  // [
                    position += 1
                    skipSpace()
                    if position < bytes.count, bytes[position] == 0x5D { position += 1; break }
                    guard containers.count < maximumDepth else { throw fail("the data is nested more than \(maximumDepth) levels deep") }
                    containers.append(.array)
                    continue
                case 0x22:
                    try string()
                case 0x74: try literal("true")
                case 0x66: try literal("false")
                case 0x6E: try literal("null")
                case 0x2D, 0x30...0x39:
                    try number()
                default:
                    throw unexpected("invalid value")
                }
                }
                // After a value: a comma, or the end of one or more containers.
                while true {
                    guard let container = containers.last else { return }
                    skipSpace()
                    guard position < bytes.count else { throw fail("the file ends too early (it may have been cut short while being written)") }
                    let byte = bytes[position]
                    if byte == 0x2C {
                        position += 1
                        if container == .object {
                            readingRevision = try key(into: &objects[objects.count - 1], topLevel: containers.count == 1)
                        }
                        break
                    }
                    if container == .object && byte == 0x7D || container == .array && byte == 0x5D {
                        position += 1
                        containers.removeLast()
                        if container == .object { objects.removeLast() }
                        continue
                    }
                    throw unexpected(container == .object ? "expected ',' or '}' after a value in an object"
                                                          : "expected ',' or ']' after a value in a list")
                }
            }
        }

        /// A key and its colon, checked against the object's earlier keys; true for the
        /// top-level `"_revision"`.
        mutating func key(into object: inout OpenObject, topLevel: Bool) throws -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x22 else {
                throw position < bytes.count && bytes[position] == 0x7D ? fail("a ',' before '}' (JSON allows no trailing comma)")
                                                                         : unexpected("expected a key in quotes")
            }
            let keyStart = position
            let hasEscape = try string()
            let inner = (keyStart + 1)..<(position - 1)
            try checkDuplicate(inner, hasEscape: hasEscape, in: &object)
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x3A else { throw fail("expected ':' after a key") }
            position += 1
            return topLevel && !hasEscape && Self.equals(bytes, inner, "_revision")
        }

        mutating func checkDuplicate(_ key: Range<Int>, hasEscape: Bool, in object: inout OpenObject) throws {
            if object.hashed == nil && object.keys.count < 16 && !hasEscape {
                for earlier in object.keys where earlier.count == key.count && Self.same(bytes, earlier, key) {
                    throw Failure(offset: key.lowerBound - 1, kind: .duplicateKey(first: earlier.lowerBound - 1, key: key))
                }
                object.keys.append(key)
                return
            }
            if object.hashed == nil {  // many keys, or an escape: compare by meaning from now on
                object.hashed = Set(object.keys.map { KeyText(text: Self.text(bytes, $0), offset: $0.lowerBound) })
            }
            let entry = KeyText(text: Self.text(bytes, key), offset: key.lowerBound)
            if let earlier = object.hashed?.firstIndex(of: entry).map({ object.hashed![$0] }) {
                throw Failure(offset: key.lowerBound - 1, kind: .duplicateKey(first: earlier.offset - 1, key: key))
            }
            object.hashed?.insert(entry)
            object.keys.append(key)
        }

        /// A string from its opening quote; returns whether it held an escape.
        @discardableResult
        mutating func string() throws -> Bool {
            let start = position
            position += 1
            var hasEscape = false
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 0x22 { position += 1; return hasEscape }
                if byte == 0x5C {
                    hasEscape = true
                    try escape()
                    continue
                }
                if byte < 0x20 { throw fail("a control character (code \(byte)) inside text; it must be written as an escape") }
                if byte < 0x80 { position += 1; continue }
                try utf8Sequence()
            }
            throw fail("the file ends too early, inside a text that starts here (it may have been cut short while being written)", at: start)
        }

        mutating func escape() throws {
            position += 1
            guard position < bytes.count else { throw fail("the file ends inside an escape") }
            switch bytes[position] {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                position += 1
            case 0x75:
                guard position + 4 < bytes.count, (1...4).allSatisfy({ Self.isHex(bytes[position + $0]) }) else {
                    throw fail("\\u must be followed by four hexadecimal digits")
                }
                position += 5
            default:
                throw fail("an invalid escape '\\\(Character(Unicode.Scalar(bytes[position])))'")
            }
        }

        /// One multi-byte UTF-8 sequence, checked for overlong forms, surrogates and range.
        mutating func utf8Sequence() throws {
            let lead = bytes[position]
            let count: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: count = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: count = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: count = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: throw invalidUTF8()
            }
            guard position + count <= bytes.count else {
                throw fail("the file ends too early, inside a character (it may have been cut short while being written)")
            }
            for index in 1..<count {
                let next = bytes[position + index]
                guard next & 0xC0 == 0x80 else { throw invalidUTF8() }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { throw invalidUTF8() }
            position += count
        }

        /// A failure at an unexpected byte: one that is not valid UTF-8 is named as such.
        func unexpected(_ text: String) -> Failure {
            if position < bytes.count, bytes[position] >= 0x80 {
                var probe = self
                if (try? probe.utf8Sequence()) == nil { return invalidUTF8() }
            }
            return fail(text)
        }

        func invalidUTF8() -> Failure {
            fail("the text is not valid UTF-8 (perhaps it was saved from another program in a different encoding)")
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count,
                  (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] }) else { throw fail("invalid value") }
            position += count
        }

        mutating func number() throws {
            let start = position
            if bytes[position] == 0x2D { position += 1 }
            guard position < bytes.count, Self.isDigit(bytes[position]) else { throw fail("invalid number", at: start) }
            if bytes[position] == 0x30 {
                position += 1
                if position < bytes.count, Self.isDigit(bytes[position]) { throw fail("a number may not start with 0", at: start) }
            } else {
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == 0x2E {
                position += 1
                guard position < bytes.count, Self.isDigit(bytes[position]) else { throw fail("invalid number", at: start) }
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
                position += 1
                if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D { position += 1 }
                guard position < bytes.count, Self.isDigit(bytes[position]) else { throw fail("invalid number", at: start) }
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }

        static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
            memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
        }

        static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: StaticString) -> Bool {
            range.count == word.utf8CodeUnitCount && memcmp(bytes.baseAddress! + range.lowerBound, word.utf8Start, range.count) == 0
        }

        /// A key's text with its escapes decoded, for comparing keys by meaning.
        static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            let raw = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound - 1)..<(range.upperBound + 1)])
            if let decoded = try? JSONDecoder().decode(String.self, from: Data(raw)) { return decoded }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A whole number from its digits; nil if it has a fraction or exponent or overflows.
        static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
            var value = 0
            var index = range.lowerBound
            let negative = bytes[index] == 0x2D
            if negative { index += 1 }
            while index < range.upperBound {
                guard isDigit(bytes[index]) else { return nil }
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
                if overflow1 || overflow2 { return nil }
                value = sum
                index += 1
            }
            return negative ? -value : value
        }
    }
}
