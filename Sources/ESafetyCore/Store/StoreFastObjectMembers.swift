import Foundation

/// The members of one JSON object, for ``StoreFastKeyedContainer``: each name (its bytes, or
/// its text if written with an escape) and where its value starts, found in one pass. A name
/// twice is refused: `JSONDecoder` would take one of them, and the store refuses such a file.
struct StoreFastObjectMembers {
    private struct Member {
        let nameStart: Int
        let nameCount: Int
        let escapedName: String?
        let value: Int
    }

    private var members: [Member] = []
    /// Whether any name is written with an escape: then names are compared as texts.
    private var hasEscapedNames = false

    /// The object that starts at `start`.
    init(session: StoreFastDecoder.Session, start: Int) throws {
        session.reader.position = start
        guard session.reader.take(0x7B) else { throw StoreFastDecoder.GaveUp() }
        if session.reader.take(0x7D) { return }
        members.reserveCapacity(8)
        repeat {
            session.reader.skipSpace()
            let nameStart = session.reader.position + 1
            var escapedName: String?
            if session.reader.plainString() == nil {
                session.reader.position = nameStart - 1
                guard let text = session.reader.escapedString() else { throw StoreFastDecoder.GaveUp() }
                escapedName = text
                hasEscapedNames = true
            }
            let nameCount = session.reader.position - 1 - nameStart
            guard session.reader.take(0x3A) else { throw StoreFastDecoder.GaveUp() }
            session.reader.skipSpace()
            let member = Member(nameStart: nameStart, nameCount: nameCount, escapedName: escapedName, value: session.reader.position)
            guard !isNamed(member, in: session.reader.bytes) else { throw StoreFastDecoder.GaveUp() }
            members.append(member)
            guard session.reader.skipValue() else { throw StoreFastDecoder.GaveUp() }
        } while session.reader.take(0x2C)
        guard session.reader.take(0x7D) else { throw StoreFastDecoder.GaveUp() }
    }

    /// Where the value of the member called `name` starts, if there is one; `bytes` are the document's.
    func value(named name: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if hasEscapedNames {
            return members.first { self.name(of: $0, in: bytes) == name }?.value
        }
        var name = name
        return name.withUTF8 { utf8 -> Int? in
            for member in members where member.nameCount == utf8.count
                && (utf8.isEmpty || memcmp(bytes.baseAddress! + member.nameStart, utf8.baseAddress!, utf8.count) == 0) {
                return member.value
            }
            return nil
        }
    }

    /// Whether a member already found has `member`'s name.
    private func isNamed(_ member: Member, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEscapedNames {
            let text = name(of: member, in: bytes)
            return members.contains { name(of: $0, in: bytes) == text }
        }
        return members.contains { other in
            other.nameCount == member.nameCount
                && (member.nameCount == 0 || memcmp(bytes.baseAddress! + other.nameStart, bytes.baseAddress! + member.nameStart, member.nameCount) == 0)
        }
    }

    /// Every member's name, in the order written.
    func names(in bytes: UnsafeBufferPointer<UInt8>) -> [String] { members.map { name(of: $0, in: bytes) } }

    private func name(of member: Member, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        member.escapedName ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[member.nameStart..<(member.nameStart + member.nameCount)]), as: UTF8.self)
    }
}
