import Foundation

/// A direct reader for audit entries, one line of `audit.jsonl` each: every opening, every
/// commit's catching up with other sessions and every `check` reads them, and `JSONDecoder`
/// spends most of that time in its generic `Codable` machinery. Like `SignatureShardFastDecoder`
/// it is only a fast path: anything it does not expect (an unknown key, a key twice, a missing
/// member, a wrong type, bad JSON) makes it return nil, and the reader decodes the line with
/// `JSONDecoder` as before, which also gives the usual message. So it reads each entry exactly
/// as `JSONDecoder` would, or not at all.
enum AuditEntryFastDecoder {
    static func decode(_ data: Data) -> AuditEntry? {
        StoreFastJSONReader.decode(data, entry)
    }

    private enum EntryKey: String, CaseIterable {
        case sequence, at, actor, action, document, recordID, summary, previousHash, documents, allocated, acknowledges
        case ledgerHash, signer, signature
    }

    private enum ChangeKey: String, CaseIterable { case document, revision, sha256, deleted }

    private static let entryKeys = StoreFastJSONReader.Keys(EntryKey.self)
    private static let changeKeys = StoreFastJSONReader.Keys(ChangeKey.self)

    static func entry(_ reader: inout StoreFastJSONReader) -> AuditEntry? {
        var sequence: Int?
        var at: Date?
        var actor: AuditActor?
        var action, document, recordID, summary, previousHash, ledgerHash, signer, signature: String?
        var documents: [AuditDocumentChange]?
        var allocated: [String: Int]?
        var acknowledges: [String]?
        let read = reader.object(entryKeys) { reader, key in
            switch key {
            case .sequence: return reader.read(into: &sequence) { $0.integer() }
            case .at: return reader.read(into: &at) { $0.date() }
            case .actor: return reader.read(into: &actor) { $0.auditActor() }
            case .action: return reader.read(into: &action) { $0.repeatedString() }
            case .document: return reader.read(into: &document) { $0.repeatedString() }
            case .recordID: return reader.readOptional(into: &recordID) { $0.string() }
            case .summary: return reader.read(into: &summary) { $0.string() }
            case .previousHash: return reader.readOptional(into: &previousHash) { $0.string() }
            case .documents: return reader.readOptional(into: &documents) { $0.array(change) }
            case .allocated: return reader.readOptional(into: &allocated) { $0.decodeValue([String: Int].self) }  // rare and small
            case .acknowledges: return reader.readOptional(into: &acknowledges) { $0.array { $0.string() } }
            case .ledgerHash: return reader.readOptional(into: &ledgerHash) { $0.string() }
            case .signer: return reader.readOptional(into: &signer) { $0.repeatedString() }
            case .signature: return reader.readOptional(into: &signature) { $0.string() }
            }
        }
        guard read, let sequence, let at, let actor, let action, let document, let summary else { return nil }
        var entry = AuditEntry(sequence: sequence, at: at, actor: actor, action: action, document: document, recordID: recordID,
                               summary: summary, previousHash: previousHash, documents: documents, allocated: allocated,
                               acknowledges: acknowledges, ledgerHash: ledgerHash)
        entry.signer = signer
        entry.signature = signature
        return entry
    }

    private static func change(_ reader: inout StoreFastJSONReader) -> AuditDocumentChange? {
        var document, sha256: String?
        var revision: Int?
        var deleted: Bool?
        let read = reader.object(changeKeys) { reader, key in
            switch key {
            case .document: return reader.read(into: &document) { $0.repeatedString() }
            case .revision: return reader.read(into: &revision) { $0.integer() }
            case .sha256: return reader.readOptional(into: &sha256) { $0.string() }
            case .deleted: return reader.readOptional(into: &deleted) { $0.bool() }
            }
        }
        guard read, let document, let revision else { return nil }
        return AuditDocumentChange(document: document, revision: revision, sha256: sha256, deleted: deleted)
    }
}
