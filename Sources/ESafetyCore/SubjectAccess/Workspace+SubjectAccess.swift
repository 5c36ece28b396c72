import CivilTime
import Crypto
import Foundation

/// Subject access requests (UK GDPR article 15): a lead records who asked, the day received and
/// the due date one calendar month on; the dashboard shows each until it is answered. Audited;
/// the summaries name nobody. The export is ``subjectAccessExport(person:)``.
extension Workspace {
    /// Records a request received on `receivedOn` (today if nil) about `subject`.
    @discardableResult
    public func recordSubjectAccessRequest(subject: String, requestedBy: String, receivedOn: CivilDate? = nil) throws -> SubjectAccessRequest {
        try require(.answerSubjectAccess)
        guard let authority = try accounts().authority?.current else { throw AccessError.notSetUp }
        guard !subject.trimmed.isEmpty else { throw SubjectAccessError.subjectRequired }
        guard !requestedBy.trimmed.isEmpty else { throw SubjectAccessError.requesterRequired }
        let received = receivedOn ?? today
        guard received <= today else { throw SubjectAccessError.receivedInTheFuture(received) }
        let details = SubjectAccessRequestDetails(subject: subject.trimmed, requestedBy: requestedBy.trimmed)
        let sealed = try RecordsSealed.seal(details, to: Curve25519.KeyAgreement.PublicKey(rawRepresentation: authority.recordsKey.publicKey))
        let record = try store.commit(actor: actor, action: "sar.request") { transaction -> SubjectAccessRequestRecord in
            let number = transaction.allocate("subject-access", atLeast: transaction.names(in: SubjectAccessRequestRecord.folder).count + 1)
            let record = SubjectAccessRequestRecord(id: String(format: "SAR-%04d", number), receivedOn: received,
                                                    dueOn: SubjectAccessRequest.dueDate(receivedOn: received), recordedAt: IncidentLog.wholeSecond(now()),
                                                    recordedBy: actor, details: sealed, generation: authority.recordsKey.generation)
            transaction.recordID = record.id
            transaction.summary = "Recorded subject access request \(record.id), received \(received), due \(record.dueOn)"
            try transaction.write(record, to: SubjectAccessRequestRecord.document(record.id))
            return record
        }
        return Self.request(record, details)
    }

    /// Marks a request answered today.
    @discardableResult
    public func completeSubjectAccessRequest(_ id: String) throws -> SubjectAccessRequest {
        try require(.answerSubjectAccess)
        let saved = try amend(SubjectAccessRequestRecord.self, at: SubjectAccessRequestRecord.document(id), action: "sar.done", recordID: id,
                              missing: SubjectAccessError.unknownRequest(id)) { record in
            if let done = record.doneOn { throw SubjectAccessError.alreadyDone(id, done) }
            record.doneOn = today
            record.doneBy = actor
            return "Answered subject access request \(id) (due \(record.dueOn))"
        }
        return try request(of: saved)
    }

    /// Every request, newest first.
    public func subjectAccessRequests() throws -> [SubjectAccessRequest] {
        try require(.answerSubjectAccess)
        return try store.documentNames(in: SubjectAccessRequestRecord.folder)
            .compactMap { try store.load(SubjectAccessRequestRecord.self, from: $0) }
            .map(request(of:)).sorted { ($0.receivedOn, $0.id) > ($1.receivedOn, $1.id) }
    }

    /// Requests not answered yet, soonest due first, for the dashboard (empty for anyone else).
    public func openSubjectAccessRequests() -> [SubjectAccessRequest] {
        guard can(.answerSubjectAccess), let all = try? subjectAccessRequests() else { return [] }
        return all.filter { !$0.isDone }.sorted { $0.dueOn < $1.dueOn }
    }

    func request(of record: SubjectAccessRequestRecord) throws -> SubjectAccessRequest {
        guard let key = session?.recordsKey, record.generation == (try accounts().authority?.current.recordsKey.generation) else {
            throw AccessError.noRecordsKey
        }
        let details = try RecordsSealed.open(SubjectAccessRequestDetails.self, from: record.details, with: key,
                                             document: SubjectAccessRequestRecord.document(record.id))
        return Self.request(record, details)
    }

    static func request(_ record: SubjectAccessRequestRecord, _ details: SubjectAccessRequestDetails) -> SubjectAccessRequest {
        SubjectAccessRequest(id: record.id, subject: details.subject, requestedBy: details.requestedBy, receivedOn: record.receivedOn,
                             dueOn: record.dueOn, doneOn: record.doneOn)
    }
}

/// A subject access step that cannot be taken, worded for the person at the terminal.
public enum SubjectAccessError: Error, Equatable, CustomStringConvertible {
    case subjectRequired
    case requesterRequired
    case receivedInTheFuture(CivilDate)
    case unknownRequest(String)
    case alreadyDone(String, CivilDate)
    case unknownPerson(String)

    public var description: String {
        switch self {
        case .subjectRequired: return "Say whose data the request is for."
        case .requesterRequired: return "Say who made the request (the person, a parent, a solicitor)."
        case .receivedInTheFuture(let day): return "The request cannot have been received on \(day): that is in the future."
        case .unknownRequest(let id): return "There is no subject access request \(id)."
        case .alreadyDone(let id, let day): return "Subject access request \(id) was answered on \(day) already."
        case .unknownPerson(let name):
            return "esafety holds no one called \(name): not in the role directory, the AUP roster or any incident you may read."
        }
    }
}
