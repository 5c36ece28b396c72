import CivilTime
import Foundation

/// A direct reader for incident records: the plaintext of a sealed incident file, or a plain
/// `incidents/<id>.json`. `JSONDecoder` takes about 120 µs a record in its generic `Codable`
/// machinery, a quarter of an export's time at the stress case; this reads the shape
/// ``StoreJSON/makeEncoder()`` writes (in any order of keys, with any white space) straight from
/// the bytes.
///
/// The members every record has are read by hand; the rare, complex ones (walks of the
/// flowchart, a device review, a transfer's origin) are decoded by `JSONDecoder` from their own
/// bytes. Like `SignatureShardFastDecoder` it is only a fast path: anything it does not expect
/// (an unknown key, a key twice, a missing member, a wrong type, invalid UTF-8, bad JSON) makes it
/// return nil, and the caller decodes with `JSONDecoder` as before, which also gives the usual
/// message. It reads each record exactly as `JSONDecoder` would, or not at all.
enum IncidentRecordFastDecoder {
    static func decode(_ data: Data) -> IncidentRecord? {
        StoreFastJSONReader.decode(data, record)
    }

    /// A record's members (`_revision` is the store's, on a plain file: StoreRevision.swift).
    private enum RecordKey: String, CaseIterable {
        case revision = "_revision"
        case deviceReview, followUps, id, recordedAt, recordedBy, report, revisions, status, statusHistory, transferredFrom, walks
    }

    private enum StatusChangeKey: String, CaseIterable { case at, by, from, reason, to }
    private enum RevisionKey: String, CaseIterable { case number, reason, replacedAt, replacedBy, report }
    private enum FollowUpKey: String, CaseIterable { case doneBy, doneOn, due, id, ownerName, ownerPersonID, what }

    private static let recordKeys = StoreFastJSONReader.Keys(RecordKey.self)
    private static let statusChangeKeys = StoreFastJSONReader.Keys(StatusChangeKey.self)
    private static let revisionKeys = StoreFastJSONReader.Keys(RevisionKey.self)
    private static let followUpKeys = StoreFastJSONReader.Keys(FollowUpKey.self)

    /// One record, read from the reader's position.
    static func record(_ reader: inout StoreFastJSONReader) -> IncidentRecord? {
        var id: String?
        var recordedAt: Date?
        var recordedBy: AuditActor?
        var status: IncidentStatus?
        var report: IncidentReport?
        var statusHistory: [IncidentRecord.StatusChange]?
        var revisions: [IncidentRecord.Revision]?
        var followUps: [FollowUpAction]?
        var deviceReview: DeviceReview?
        var walks: [FlowchartWalk]?
        var transferredFrom: TransferOrigin?
        let read = reader.object(recordKeys) { reader, key in
            switch key {
            case .revision: return reader.integer() != nil
            case .id: return reader.read(into: &id) { $0.string() }
            case .recordedAt: return reader.read(into: &recordedAt) { $0.date() }
            case .recordedBy: return reader.read(into: &recordedBy) { $0.auditActor() }
            case .status: return reader.read(into: &status) { $0.rawValue(IncidentStatus.self) }
            case .report: return reader.read(into: &report, IncidentReportFastDecoder.report)
            case .statusHistory: return reader.read(into: &statusHistory) { $0.array(statusChange) }
            case .revisions: return reader.read(into: &revisions) { $0.array(revision) }
            case .followUps: return reader.read(into: &followUps) { $0.array(followUp) }
            case .deviceReview: return reader.readOptional(into: &deviceReview) { $0.decodeValue(DeviceReview.self) }
            case .walks: return reader.readOptional(into: &walks, Self.walks)
            case .transferredFrom: return reader.readOptional(into: &transferredFrom) { $0.decodeValue(TransferOrigin.self) }
            }
        }
        guard read, let id, let recordedAt, let recordedBy, let status, let report, let statusHistory, let revisions,
              let followUps else { return nil }
        var record = IncidentRecord(id: id, recordedAt: recordedAt, recordedBy: recordedBy, report: report)
        record.status = status
        record.statusHistory = statusHistory
        record.revisions = revisions
        record.followUps = followUps
        record.deviceReview = deviceReview
        record.walks = walks ?? []  // WalksOrEmpty: a record from before walks has none
        record.transferredFrom = transferredFrom
        return record
    }

    /// Walks of the flowchart: none (the usual case) read here, any others by `JSONDecoder`.
    private static func walks(_ reader: inout StoreFastJSONReader) -> [FlowchartWalk]? {
        let start = reader.position
        if reader.take(0x5B) && reader.take(0x5D) { return [] }
        reader.position = start
        return reader.decodeValue([FlowchartWalk].self)
    }

    private static func statusChange(_ reader: inout StoreFastJSONReader) -> IncidentRecord.StatusChange? {
        var at: Date?
        var by: AuditActor?
        var from: IncidentStatus?
        var to: IncidentStatus?
        var reason: String?
        let read = reader.object(statusChangeKeys) { reader, key in
            switch key {
            case .at: return reader.read(into: &at) { $0.date() }
            case .by: return reader.read(into: &by) { $0.auditActor() }
            case .from: return reader.readOptional(into: &from) { $0.rawValue(IncidentStatus.self) }
            case .to: return reader.read(into: &to) { $0.rawValue(IncidentStatus.self) }
            case .reason: return reader.read(into: &reason) { $0.string() }
            }
        }
        guard read, let at, let by, let to, let reason else { return nil }
        return IncidentRecord.StatusChange(at: at, by: by, from: from, to: to, reason: reason)
    }

    private static func revision(_ reader: inout StoreFastJSONReader) -> IncidentRecord.Revision? {
        var number: Int?
        var replacedAt: Date?
        var replacedBy: AuditActor?
        var reason: String?
        var report: IncidentReport?
        let read = reader.object(revisionKeys) { reader, key in
            switch key {
            case .number: return reader.read(into: &number) { $0.integer() }
            case .replacedAt: return reader.read(into: &replacedAt) { $0.date() }
            case .replacedBy: return reader.read(into: &replacedBy) { $0.auditActor() }
            case .reason: return reader.read(into: &reason) { $0.string() }
            case .report: return reader.read(into: &report, IncidentReportFastDecoder.report)
            }
        }
        guard read, let number, let replacedAt, let replacedBy, let reason, let report else { return nil }
        return IncidentRecord.Revision(number: number, replacedAt: replacedAt, replacedBy: replacedBy, reason: reason, report: report)
    }

    private static func followUp(_ reader: inout StoreFastJSONReader) -> FollowUpAction? {
        var id: Int?
        var what: String?
        var ownerPersonID: String?
        var ownerName: String?
        var due: CivilDate?
        var doneOn: CivilDate?
        var doneBy: String?
        let read = reader.object(followUpKeys) { reader, key in
            switch key {
            case .id: return reader.read(into: &id) { $0.integer() }
            case .what: return reader.read(into: &what) { $0.string() }
            case .ownerPersonID: return reader.readOptional(into: &ownerPersonID) { $0.repeatedString() }
            case .ownerName: return reader.read(into: &ownerName) { $0.repeatedString() }
            case .due: return reader.read(into: &due) { $0.civilDate() }
            case .doneOn: return reader.readOptional(into: &doneOn) { $0.civilDate() }
            case .doneBy: return reader.readOptional(into: &doneBy) { $0.repeatedString() }
            }
        }
        guard read, let id, let what, let ownerName, let due else { return nil }
        var action = FollowUpAction(id: id, what: what, ownerPersonID: ownerPersonID, ownerName: ownerName, due: due)
        action.doneOn = doneOn
        action.doneBy = doneBy
        return action
    }
}
