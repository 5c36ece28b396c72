import CivilTime
import Crypto
import Foundation

/// What the incident log may do for whoever is signed in: the key new incidents are sealed to,
/// the records key that opens them (leads and the head teacher), the key of the person's own
/// drafts, and the rules of who may see what. A store with no accounts yet has no keys: its
/// incidents stay as plain JSON until set-up seals them.
struct IncidentVault {
    var sealTo: Curve25519.KeyAgreement.PublicKey?
    var session: Session?
    /// True when a person holds the e-safety lead role (for allegations against staff).
    var isEsafetyLead: (String) -> Bool

    static var unsecured: IncidentVault { IncidentVault(sealTo: nil, session: nil, isEsafetyLead: { _ in false }) }

    var isSecured: Bool { sealTo != nil }

    /// Throws unless the signed-in person may do this (always allowed before set-up).
    func require(_ permission: Permission) throws {
        guard isSecured else { return }
        guard let session else { throw AccessError.notSignedIn }
        try session.require(permission)
    }

    /// True when the signed-in person may open this incident: leads, and for an allegation
    /// against staff, the head teacher and the e-safety lead unless they are its subject.
    func mayOpen(_ incident: IncidentSummary) -> Bool {
        guard isSecured else { return true }
        guard let session else { return false }
        let subjects = incident.involved.filter { $0.kind == .staff }.compactMap(\.personID)
        return session.mayOpen(restrictedToHead: incident.isStaffAllegation, subjects: subjects,
                               isEsafetyLead: isEsafetyLead(session.personID))
    }

    /// The key of the sealed incident index, if this session holds the records key.
    var indexKey: SymmetricKey? { session?.recordsKey.map(IncidentIndex.key(from:)) }

    func seal(_ record: IncidentRecord) throws -> StoredIncident {
        guard let sealTo else { return .plain(record) }
        let data = try StoreJSON.makeEncoder().encode(record)
        return .sealed(SealedIncidentFile(id: record.id, recordedAt: record.recordedAt, status: record.status,
                                          occurredOn: record.report.occurredOn, sealed: try SealedPayload.seal(data, to: sealTo)))
    }

    /// The record, if this session holds the records key.
    func open(_ file: SealedIncidentFile) throws -> IncidentRecord? {
        guard let key = session?.recordsKey else { return nil }
        let data: Data
        do { data = try file.sealed.open(with: key) } catch { throw AccessError.damagedKey("incidents/\(file.id).json") }
        do {
            return try StoreJSON.makeDecoder().decode(IncidentRecord.self, from: data)
        } catch {
            throw StoreError.corrupt(file: "incidents/\(file.id).json",
                                     reason: "its sealed contents are not an incident record: \(StoreJSONDiagnostics.reason(for: error, data: data))")
        }
    }
}

/// How an incident is kept on disk once esafety is set up: only its id, dates and status can
/// be read without the records key; everything else is sealed.
struct SealedIncidentFile: Codable {
    var id: String
    var recordedAt: Date
    var status: IncidentStatus
    var occurredOn: CivilDateText?
    var sealed: SealedPayload

    init(id: String, recordedAt: Date, status: IncidentStatus, occurredOn: CivilDate?, sealed: SealedPayload) {
        self.id = id; self.recordedAt = recordedAt; self.status = status
        self.occurredOn = occurredOn.map { CivilDateText(value: $0) }; self.sealed = sealed
    }
}

/// A date kept as "yyyy-mm-dd" (a wrapper so the file's shape reads plainly).
struct CivilDateText: Codable {
    var value: CivilDate
    init(value: CivilDate) { self.value = value }
    init(from decoder: Decoder) throws { value = try CivilDate(from: decoder) }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}

/// An incident file as found: sealed (after set-up) or plain (before set-up, or from an
/// esafety older than encryption).
enum StoredIncident: Codable {
    case sealed(SealedIncidentFile)
    case plain(IncidentRecord)

    private enum Keys: String, CodingKey { case sealed }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.sealed) {
            self = .sealed(try SealedIncidentFile(from: decoder))
        } else {
            self = .plain(try IncidentRecord(from: decoder))
        }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .sealed(let file): try file.encode(to: encoder)
        case .plain(let record): try record.encode(to: encoder)
        }
    }

    var id: String {
        switch self {
        case .sealed(let file): return file.id
        case .plain(let record): return record.id
        }
    }
}

/// A draft sealed with its author's draft key.
struct SealedDraftFile: Codable {
    var sealedDraft: Data
}
