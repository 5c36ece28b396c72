import CivilTime
import Foundation

/// A direct reader for signature files (`aup-signatures/*.json`), which hold nine tenths of a large
/// store's bytes. Foundation's `JSONDecoder` spends most of its time in the generic `Codable`
/// machinery (about 9 µs a signature here); this reads the one known shape straight from the
/// bytes (``StoreFastJSONReader``), about ten times faster.
///
/// It is only a fast path: anything it does not expect (an unknown key, a key twice, a missing
/// field, invalid UTF-8, bad JSON) makes it give up and return nil, and the store decodes the file
/// with `JSONDecoder` as before, which also gives the usual message for a bad file. So it never
/// accepts a file `JSONDecoder` would refuse, nor reads one differently.
enum SignatureShardFastDecoder {
    static func decode(_ data: Data) -> SignatureShardDocument? {
        StoreFastJSONReader.decode(data, document)
    }

    /// The shard's members (`_revision` is every document's, StoreRevision.swift: not part of the shard).
    private enum DocumentKey: String, CaseIterable {
        case revision = "_revision"
        case signatures
    }

    private enum SignatureKey: String, CaseIterable {
        case kind, lapsesAfter, method, personID, recordedAt, signedOn, versionID, witness
    }

    private static let documentKeys = StoreFastJSONReader.Keys(DocumentKey.self)
    private static let signatureKeys = StoreFastJSONReader.Keys(SignatureKey.self)

    private static func document(_ reader: inout StoreFastJSONReader) -> SignatureShardDocument? {
        var signatures: [AUPSignature]?
        let read = reader.object(documentKeys) { reader, key in
            switch key {
            case .revision: return reader.integer() != nil
            case .signatures: return reader.read(into: &signatures) { $0.array(signature) }
            }
        }
        guard read, let signatures else { return nil }
        return SignatureShardDocument(signatures: signatures)
    }

    private static func signature(_ reader: inout StoreFastJSONReader) -> AUPSignature? {
        var personID, versionID: String?
        var kind: AUPKind?
        var method: AUPSignature.Method?
        var signedOn: CivilDate?
        var recordedAt: Date?
        var witness: AuditActor?
        var lapsesAfter: CivilDate?
        let read = reader.object(signatureKeys) { reader, key in
            switch key {
            case .personID: return reader.read(into: &personID) { $0.string() }
            case .versionID: return reader.read(into: &versionID) { $0.repeatedString() }
            case .kind: return reader.read(into: &kind) { $0.rawValue(AUPKind.self) }
            case .method: return reader.read(into: &method) { $0.rawValue(AUPSignature.Method.self) }
            case .signedOn: return reader.read(into: &signedOn) { $0.civilDate() }
            case .recordedAt: return reader.read(into: &recordedAt) { $0.date() }
            case .lapsesAfter: return reader.readOptional(into: &lapsesAfter) { $0.civilDate() }
            case .witness: return reader.read(into: &witness) { $0.auditActor() }
            }
        }
        guard read, let personID, let versionID, let kind, let method, let signedOn, let recordedAt, let witness else { return nil }
        return AUPSignature(personID: personID, kind: kind, versionID: versionID, signedOn: signedOn, recordedAt: recordedAt,
                            method: method, witness: witness, lapsesAfter: lapsesAfter)
    }
}

extension SignatureShardDocument: StoreFastDecodable {
    /// It refuses a key twice or one it does not know, and checks every text, so needs no validation first.
    static func fastDecode(_ data: Data, validated: Bool) -> SignatureShardDocument? { SignatureShardFastDecoder.decode(data) }
}
