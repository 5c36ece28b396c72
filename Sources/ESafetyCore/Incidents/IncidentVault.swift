import CivilTime
import Crypto
import Foundation

/// What the incident log may do for whoever is signed in: the keys new incidents are sealed to
/// (from the signed authority), the keys that open them, and who may see what. A store with no
/// accounts yet has no keys: its incidents stay as plain JSON until set-up seals them.
///
/// - An incident is sealed to the records key (HPKE), which every holder of a role that reads
///   incidents has.
/// - An allegation against a member of staff is sealed to its own recipients instead: the head
///   teacher and the e-safety leads who are not its subject; when a head teacher is the subject,
///   the chair of governors (KCSIE part 4: the chair, with the LADO). Nobody else's key opens it,
///   the subject's included, even offline. With no recipient who has an account, it is sealed to
///   the escrow key, which only the recovery key opens.
struct IncidentVault {
    /// The authority in force (nil before set-up), read each time: a commit reads the authority
    /// again first when another session changed it, so a record is sealed to the records key
    /// of the generation committed, never to one rotated away a moment before.
    let currentAuthority: () -> AuthorityStatement?
    var session: Session?

    var authority: AuthorityStatement? { currentAuthority() }

    static var unsecured: IncidentVault { IncidentVault(currentAuthority: { nil }, session: nil) }

    var isSecured: Bool { authority != nil }

    /// Throws unless the signed-in person may do this (always allowed before set-up).
    func require(_ permission: Permission) throws {
        guard isSecured else { return }
        guard let session else { throw AccessError.notSignedIn }
        try session.require(permission)
    }

    /// Who receives an allegation against staff (nil: not one; empty: nobody with an account).
    static func recipients(of summary: IncidentSummary, in authority: AuthorityStatement) -> [AuthorityStatement.Account]? {
        guard summary.isStaffAllegation else { return nil }
        let subjects = Set(summary.involved.filter { $0.kind == .staff }.compactMap(\.personID))
        let heads = authority.holders(of: .headTeacher)
        let chosen = heads.contains { subjects.contains($0.personID) }
            ? authority.holders(of: .chairOfGovernors)
            : heads + authority.holders(of: .esafetyLead)
        var seen = Set<String>()
        return chosen.filter { !subjects.contains($0.personID) && seen.insert($0.personID).inserted }
    }

    /// True when the signed-in person may open this incident: any records-key holder, and for
    /// an allegation against staff its recipients only.
    func mayOpen(_ incident: IncidentSummary) -> Bool {
        guard let authority else { return true }
        guard let session else { return false }
        guard let recipients = Self.recipients(of: incident, in: authority) else { return session.level.readsIncidents }
        return recipients.contains { $0.personID == session.personID }
    }

    /// The key of the sealed incident index, if this session holds the records key.
    var indexKey: SymmetricKey? { session?.recordsKey.map(IncidentIndex.key(from:)) }

    func seal(_ record: IncidentRecord) throws -> StoredIncident {
        guard let authority else { return .plain(record) }
        let data = try StoreFastEncoder.encode(record) ?? StoreJSON.makeEncoder().encode(record)  // the same bytes, faster
        var file = SealedIncidentFile(id: record.id, recordedAt: record.recordedAt, status: record.status, occurredOn: record.report.occurredOn)
        let records = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: authority.recordsKey.publicKey)
        if let recipients = Self.recipients(of: IncidentSummary(record), in: authority) {
            var targets = recipients.map { ($0.personID, $0.agreementKey) }
            if targets.isEmpty { targets = [("escrow", authority.escrowKey)] }
            file.restricted = try RestrictedSeal.seal(data, to: targets, taggedFor: records)
        } else {
            file.sealed = try SealedPayload.seal(data, to: records)
            file.generation = authority.recordsKey.generation
        }
        return .sealed(file)
    }

    /// The record, if this session holds a key that opens it (nil otherwise).
    func open(_ file: SealedIncidentFile) throws -> IncidentRecord? {
        try opener().open(file)
    }

    /// What opening sealed incidents takes (this session's keys, the records key's generation),
    /// to open many at once on several threads.
    func opener() -> IncidentOpener {
        IncidentOpener(agreementKey: session?.agreementKey.rawRepresentation, recordsKey: session?.recordsKey?.rawRepresentation,
                       generation: authority?.recordsKey.generation)
    }
}

/// Opens sealed incident files with one session's keys: a value, used from any thread (the
/// keys are kept as bytes, and made into keys where they are used).
struct IncidentOpener: Sendable {
    let agreementKey: Data?
    let recordsKey: Data?
    /// The records key's generation now (a file sealed to another generation is not opened).
    let generation: Int?

    /// The session's private keys made from their bytes: made once per thread that opens many
    /// files (making one works out its public key, a third of the cost of an open).
    struct Keys {
        let agreement: Curve25519.KeyAgreement.PrivateKey?
        let records: Curve25519.KeyAgreement.PrivateKey?
    }

    func keys() -> Keys {
        Keys(agreement: agreementKey.flatMap { try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: $0) },
             records: recordsKey.flatMap { try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: $0) })
    }

    /// The record sealed in `file`; nil if this session holds no key it is sealed to.
    func open(_ file: SealedIncidentFile) throws -> IncidentRecord? {
        try open(file, with: keys())
    }

    /// ``open(_:)`` with the keys already made.
    func open(_ file: SealedIncidentFile, with keys: Keys) throws -> IncidentRecord? {
        let name = "incidents/\(file.id).json"
        let data: Data
        if let restricted = file.restricted {
            guard let key = keys.agreement, let opened = restricted.open(with: key) else { return nil }
            data = opened
        } else if let sealed = file.sealed {
            guard let key = keys.records else { return nil }
            guard file.generation == nil || file.generation == generation else { return nil }
            do { data = try sealed.open(with: key) } catch { throw AccessError.damagedKey(name) }
        } else {
            throw StoreError.corrupt(file: name, reason: "it is neither sealed to the records key nor to its recipients")
        }
        do {
            return try StoreFastDecoder.decode(IncidentRecord.self, from: data) ?? StoreJSON.makeDecoder().decode(IncidentRecord.self, from: data)
        } catch {
            throw StoreError.corrupt(file: name, reason: "its sealed contents are not an incident record: \(StoreJSONDiagnostics.reason(for: error, data: data))")
        }
    }
}

/// How an incident is kept on disk once esafety is set up: only its id, dates and status can
/// be read without a key; everything else is sealed, to the records key (`sealed`, with the
/// key's generation) or, for an allegation against staff, to its recipients (`restricted`).
struct SealedIncidentFile: Codable {
    var id: String
    var recordedAt: Date
    var status: IncidentStatus
    var occurredOn: CivilDateText?
    var sealed: SealedPayload?
    var generation: Int?
    var restricted: RestrictedSeal?

    init(id: String, recordedAt: Date, status: IncidentStatus, occurredOn: CivilDate?) {
        self.id = id; self.recordedAt = recordedAt; self.status = status
        self.occurredOn = occurredOn.map { CivilDateText(value: $0) }
    }
}

/// A record sealed to a few people: the record under a fresh content key (AES-GCM), the
/// content key sealed to each recipient's key (HPKE). Each wrap carries a tag, the recipient's
/// id sealed to the records key, so that when someone leaves, a holder of the records key can
/// take their wrap out without being a recipient; nobody without a key learns who they are.
struct RestrictedSeal: Codable {
    struct Wrap: Codable {
        var key: SealedPayload
        var tag: SealedPayload
    }

    var ciphertext: Data
    var wraps: [Wrap]

    static func seal(_ plaintext: Data, to recipients: [(id: String, key: Data)], taggedFor records: Curve25519.KeyAgreement.PublicKey) throws -> RestrictedSeal {
        let content = SymmetricKey(size: .bits256)
        let raw = content.withUnsafeBytes { Data($0) }
        let wraps = try recipients.map { recipient in
            Wrap(key: try SealedPayload.seal(raw, to: try Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient.key)),
                 tag: try SealedPayload.seal(Data(recipient.id.utf8), to: records))
        }
        return RestrictedSeal(ciphertext: try SymmetricSeal.seal(plaintext, with: content), wraps: wraps)
    }

    /// The record, if one of the wraps is to `key`.
    func open(with key: Curve25519.KeyAgreement.PrivateKey) -> Data? {
        for wrap in wraps {
            guard let raw = try? wrap.key.open(with: key) else { continue }
            return try? SymmetricSeal.open(ciphertext, with: SymmetricKey(data: raw))
        }
        return nil
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

    private enum Keys: String, CodingKey { case sealed, restricted }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.sealed) || container.contains(.restricted) {
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
