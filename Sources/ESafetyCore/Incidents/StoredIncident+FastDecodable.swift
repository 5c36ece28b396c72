import Foundation

/// Incident files read without `JSONDecoder` in the usual cases: a sealed file's envelope by
/// hand, a plain record by ``IncidentRecordFastDecoder``. As `StoredIncident`'s `Codable` has it,
/// a file with a `sealed` or `restricted` member (even null) is sealed and anything else plain;
/// nil for anything unusual, and the store decodes with `JSONDecoder` as before.
extension StoredIncident: StoreFastDecodable {
    static func fastDecode(_ data: Data) -> StoredIncident? {
        // An envelope has only these keys: any other (a record's `report`, say) stops this
        // first reading at once, and the file is read as a plain record instead, which in turn
        // stops at a `sealed` or `restricted` member.
        if let file = StoreFastJSONReader.decode(data, sealedFile) { return .sealed(file) }
        return IncidentRecordFastDecoder.decode(data).map(StoredIncident.plain)
    }

    private enum EnvelopeKey: String, CaseIterable {
        case revision = "_revision"
        case generation, id, occurredOn, recordedAt, restricted, sealed, status
    }

    private enum PayloadKey: String, CaseIterable { case ciphertext, encapsulatedKey }
    private enum RestrictedKey: String, CaseIterable { case ciphertext, wraps }
    private enum WrapKey: String, CaseIterable { case key, tag }

    private static let envelopeKeys = StoreFastJSONReader.Keys(EnvelopeKey.self)
    private static let payloadKeys = StoreFastJSONReader.Keys(PayloadKey.self)
    private static let restrictedKeys = StoreFastJSONReader.Keys(RestrictedKey.self)
    private static let wrapKeys = StoreFastJSONReader.Keys(WrapKey.self)

    /// An envelope; nil if it cannot be read or has neither member that makes it sealed.
    private static func sealedFile(_ reader: inout StoreFastJSONReader) -> SealedIncidentFile? {
        var id: String?
        var recordedAt: Date?
        var status: IncidentStatus?
        var occurredOn: CivilDateText?
        var sealed: SealedPayload?
        var generation: Int?
        var restricted: RestrictedSeal?
        var isSealed = false
        let read = reader.object(envelopeKeys) { reader, key in
            switch key {
            case .revision: return reader.integer() != nil
            case .id: return reader.read(into: &id) { $0.string() }
            case .recordedAt: return reader.read(into: &recordedAt) { $0.date() }
            case .status: return reader.read(into: &status) { $0.rawValue(IncidentStatus.self) }
            case .occurredOn: return reader.readOptional(into: &occurredOn) { $0.civilDate().map(CivilDateText.init(value:)) }
            case .generation: return reader.readOptional(into: &generation) { $0.integer() }
            case .sealed:
                isSealed = true
                return reader.readOptional(into: &sealed, payload)
            case .restricted:
                isSealed = true
                return reader.readOptional(into: &restricted, restrictedSeal)
            }
        }
        guard read, isSealed, let id, let recordedAt, let status else { return nil }
        var file = SealedIncidentFile(id: id, recordedAt: recordedAt, status: status, occurredOn: nil)
        file.occurredOn = occurredOn
        file.sealed = sealed
        file.generation = generation
        file.restricted = restricted
        return file
    }

    private static func payload(_ reader: inout StoreFastJSONReader) -> SealedPayload? {
        var encapsulatedKey, ciphertext: Data?
        let read = reader.object(payloadKeys) { reader, key in
            switch key {
            case .encapsulatedKey: return reader.read(into: &encapsulatedKey) { $0.base64Data() }
            case .ciphertext: return reader.read(into: &ciphertext) { $0.base64Data() }
            }
        }
        guard read, let encapsulatedKey, let ciphertext else { return nil }
        return SealedPayload(encapsulatedKey: encapsulatedKey, ciphertext: ciphertext)
    }

    private static func restrictedSeal(_ reader: inout StoreFastJSONReader) -> RestrictedSeal? {
        var ciphertext: Data?
        var wraps: [RestrictedSeal.Wrap]?
        let read = reader.object(restrictedKeys) { reader, key in
            switch key {
            case .ciphertext: return reader.read(into: &ciphertext) { $0.base64Data() }
            case .wraps: return reader.read(into: &wraps) { $0.array(wrap) }
            }
        }
        guard read, let ciphertext, let wraps else { return nil }
        return RestrictedSeal(ciphertext: ciphertext, wraps: wraps)
    }

    private static func wrap(_ reader: inout StoreFastJSONReader) -> RestrictedSeal.Wrap? {
        var key, tag: SealedPayload?
        let read = reader.object(wrapKeys) { reader, member in
            switch member {
            case .key: return reader.read(into: &key, payload)
            case .tag: return reader.read(into: &tag, payload)
            }
        }
        guard read, let key, let tag else { return nil }
        return RestrictedSeal.Wrap(key: key, tag: tag)
    }
}
