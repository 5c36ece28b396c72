import Crypto
import Foundation

/// The sealed incident index (`cache/incident-index.json`): the summary of every sealed
/// incident a records-key holder has read, each with the stamp of the file it was read from.
///
/// Opening the log reads the index and lists the incident files' stamps; only files whose stamp
/// differs (new incidents, changed ones, any file touched outside esafety) are opened, and the
/// index is brought up to date. So a lead's log at ten years of a large school opens without
/// opening five thousand sealed records, and full records are read only when an incident is
/// opened. The index is derived data: it is sealed with a key derived from the records key
/// (only leads can read or write it), saved without audit entries, and if it is missing,
/// damaged or sealed with another key it is rebuilt from the records. See docs/security.md.
struct IncidentIndex {
    /// One incident's summary and the stamp of the file it was made from.
    struct Entry: Equatable {
        var summary: IncidentSummary
        var stamp: StoreFileStamp
    }

    /// The index as stored: its format and the sealed entries (AES-GCM, nonce and tag included).
    struct SealedFile: Codable, StoreFastEncodable {
        var format: Int
        var sealedIndex: Data

        /// As `StoreJSON.makeEncoder()` writes it (pretty, sorted keys, slashes as they are: base64
        /// needs no other escape), without JSONEncoder's pass over two megabytes of base64.
        func fastEncoded() -> Data? {
            Data("{\n  \"format\" : \(format),\n  \"sealedIndex\" : \"\(sealedIndex.base64EncodedString())\"\n}".utf8)
        }
    }

    static let documentName = "incident-index"
    /// 1 and 2 were never released (JSON inside the seal; a stamp without the device); 3 is
    /// ``IncidentIndexCodec``. An index of another format is rebuilt.
    static let format = 4

    /// By incident id.
    var entries: [String: Entry] = [:]

    /// The key the index is sealed with, derived from the records key so that only its holders
    /// can read the index, and distinct from every other use of that key.
    static func key(from recordsKey: Curve25519.KeyAgreement.PrivateKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: recordsKey.rawRepresentation),
                               info: Data("esafety incident index v1".utf8), outputByteCount: 32)
    }

    /// The index in the store, or an empty one (to be rebuilt) if there is none, or it cannot be
    /// read, or it was sealed with another key: it is never the only copy of anything.
    static func load(from store: Store, key: SymmetricKey) -> IncidentIndex {
        guard let file = try? store.loadCache(SealedFile.self, named: documentName), file.format == format,
              let plain = try? SymmetricSeal.open(file.sealedIndex, with: key),
              let entries = IncidentIndexCodec.decode(plain) else { return IncidentIndex() }
        var index = IncidentIndex()
        for entry in entries { index.entries[entry.summary.id] = entry }
        return index
    }

    /// Seals and saves the index.
    func save(to store: Store, key: SymmetricKey) throws {
        let plain = IncidentIndexCodec.encode(entries.values.sorted { $0.summary.id < $1.summary.id })
        try store.saveCache(SealedFile(format: Self.format, sealedIndex: SymmetricSeal.seal(plain, with: key)), as: Self.documentName)
    }
}
