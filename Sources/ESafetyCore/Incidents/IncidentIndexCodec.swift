import CivilTime
import Foundation

/// The plain bytes inside the sealed incident index: entries written field by field, strings as
/// a length and UTF-8, numbers as 8 bytes. Nobody reads it by eye (it is sealed), and reading it
/// is what a lead waits for when the log opens: at 5,000 incidents this takes a few milliseconds,
/// where JSONDecoder took 80. Anything unexpected (a short read, an unknown status, a bad date)
/// makes ``decode(_:)`` return nil, and the index is rebuilt from the records.
enum IncidentIndexCodec {
    /// Raised inside the reader on anything unexpected; ``decode(_:)`` turns it into nil.
    private struct Malformed: Error {}

    static func encode(_ entries: [IncidentIndex.Entry]) -> Data {
        var writer = Writer()
        writer.bytes.reserveCapacity(entries.count * 512)
        writer.integer(entries.count)
        for entry in entries {
            let summary = entry.summary
            writer.string(summary.id)
            // The bits of the Double, as the reader takes them back (a negative one, before 1970, has the top bit set).
            writer.integer(Int(bitPattern: UInt(summary.recordedAt.timeIntervalSince1970.bitPattern)))
            writer.string(summary.status.rawValue)
            writer.optional(summary.occurredOn) { $0.date($1) }
            writer.list(summary.typeIDs) { $0.string($1) }
            writer.string(summary.otherType)
            writer.list(summary.involved) { writer, party in
                writer.string(party.kind.rawValue)
                writer.string(party.name)
                writer.optional(party.personID) { $0.string($1) }
            }
            writer.optional(summary.allegationAgainstStaff) { $0.integer($1 ? 1 : 0) }
            writer.list(summary.followUps) { writer, action in
                writer.integer(action.id)
                writer.string(action.what)
                writer.optional(action.ownerPersonID) { $0.string($1) }
                writer.string(action.ownerName)
                writer.date(action.due)
                writer.optional(action.doneOn) { $0.date($1) }
                writer.optional(action.doneBy) { $0.string($1) }
            }
            writer.integer(summary.walkCount)
            writer.string(summary.recordedBy.id)
            writer.string(summary.recordedBy.name)
            let stamp = entry.stamp
            for number in [Int(bitPattern: UInt(stamp.device)), Int(bitPattern: UInt(stamp.inode)), Int(stamp.size), Int(stamp.modifiedSeconds),
                           Int(stamp.modifiedNanoseconds), Int(stamp.changedSeconds), Int(stamp.changedNanoseconds)] {
                writer.integer(number)
            }
        }
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) -> [IncidentIndex.Entry]? {
        var reader = Reader(bytes: [UInt8](data))
        return try? reader.entries()
    }

    /// Writes into an array (appending to `Data` a few bytes at a time cost more than the rest).
    private struct Writer {
        var bytes: [UInt8] = []

        mutating func integer(_ value: Int) {
            var bits = UInt64(bitPattern: Int64(value))
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))  // little-endian
                bits >>= 8
            }
        }

        mutating func string(_ value: String) {
            integer(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func date(_ value: CivilDate) { integer(value.daysSinceEpoch) }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { return integer(0) }
            integer(1)
            write(&self, value)
        }

        mutating func list<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            integer(values.count)
            for value in values { write(&self, value) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func integer() throws -> Int {
            guard position + 8 <= bytes.count else { throw Malformed() }
            var value: UInt64 = 0
            for offset in (0..<8).reversed() { value = value << 8 | UInt64(bytes[position + offset]) }
            position += 8
            return Int(Int64(bitPattern: value))
        }

        mutating func count() throws -> Int {
            let value = try integer()
            guard value >= 0, value <= bytes.count - position else { throw Malformed() }
            return value
        }

        mutating func string() throws -> String {
            let length = try count()
            guard let text = String(validating: bytes[position..<position + length], as: UTF8.self) else { throw Malformed() }
            position += length
            return text
        }

        /// Days since 1970 for years 1 to 9999, the only dates esafety writes.
        mutating func date() throws -> CivilDate {
            let days = try integer()
            guard (-719_162...2_932_896).contains(days), let date = CivilDate(daysSinceEpoch: days) else { throw Malformed() }
            return date
        }

        mutating func optional<T>(_ read: (inout Reader) throws -> T) throws -> T? {
            switch try integer() {
            case 0: return nil
            case 1: return try read(&self)
            default: throw Malformed()
            }
        }

        mutating func list<T>(_ read: (inout Reader) throws -> T) throws -> [T] {
            let items = try count()
            var values: [T] = []
            values.reserveCapacity(Swift.min(items, 1_024))
            for _ in 0..<items { values.append(try read(&self)) }
            return values
        }

        mutating func entries() throws -> [IncidentIndex.Entry] {
            let result = try list { reader in try reader.entry() }
            guard position == bytes.count else { throw Malformed() }
            return result
        }

        mutating func entry() throws -> IncidentIndex.Entry {
            let id = try string()
            let seconds = Double(bitPattern: UInt64(bitPattern: Int64(try integer())))
            guard seconds.isFinite, abs(seconds) < 253_402_300_800 else { throw Malformed() }  // years 1 to 9999
            let recordedAt = Date(timeIntervalSince1970: seconds)
            guard let status = IncidentStatus(rawValue: try string()) else { throw Malformed() }
            let occurredOn = try optional { try $0.date() }
            let typeIDs = try list { try $0.string() }
            let otherType = try string()
            let involved = try list { reader -> InvolvedParty in
                guard let kind = InvolvedParty.Kind(rawValue: try reader.string()) else { throw Malformed() }
                return InvolvedParty(kind: kind, name: try reader.string(), personID: try reader.optional { try $0.string() })
            }
            let allegation = try optional { reader -> Bool in try reader.integer() != 0 }
            let followUps = try list { reader -> FollowUpAction in
                var action = FollowUpAction(id: try reader.integer(), what: try reader.string(), ownerPersonID: try reader.optional { try $0.string() },
                                            ownerName: try reader.string(), due: try reader.date())
                action.doneOn = try reader.optional { try $0.date() }
                action.doneBy = try reader.optional { try $0.string() }
                return action
            }
            let summary = IncidentSummary(id: id, recordedAt: recordedAt, status: status, occurredOn: occurredOn, typeIDs: typeIDs,
                                          otherType: otherType, involved: involved, allegationAgainstStaff: allegation,
                                          followUps: followUps, walkCount: try integer(),
                                          recordedBy: AuditActor(id: try string(), name: try string()))
            let stamp = StoreFileStamp(device: UInt64(UInt(bitPattern: try integer())), inode: UInt64(UInt(bitPattern: try integer())),
                                       size: Int64(try integer()), modifiedSeconds: Int64(try integer()),
                                       modifiedNanoseconds: Int64(try integer()), changedSeconds: Int64(try integer()),
                                       changedNanoseconds: Int64(try integer()))
            return IncidentIndex.Entry(summary: summary, stamp: stamp)
        }
    }
}
