import CivilTime
import Crypto
import Foundation

/// The file `esafety transfer out` writes: the child-protection file sealed (HPKE, X25519,
/// ChaCha20-Poly1305) to the receiving school's transfer key. Only the key's public half and
/// a format name are in the clear.
struct TransferBundleFile: Codable {
    static let formatName = "esafety-transfer-bundle"
    static let info = Data("esafety transfer v1".utf8)

    var format: String
    var formatVersion: Int
    /// The transfer key it is sealed to (raw X25519 public key).
    var recipientKey: Data
    var sealed: SealedPayload

    static func seal(_ contents: TransferBundleContents, to key: TransferKeyText) throws -> Data {
        let recipient = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: key.publicKey)
        let plain = try StoreJSON.makeEncoder().encode(contents)
        let file = TransferBundleFile(format: formatName, formatVersion: 1, recipientKey: key.publicKey,
                                      sealed: try SealedPayload.seal(plain, to: recipient, info: info))
        var data = try StoreJSON.makeEncoder().encode(file)
        data.append(0x0A)
        return data
    }

    /// Reads a bundle's outside (not yet opened).
    static func read(_ data: Data) throws -> TransferBundleFile {
        guard let file = try? StoreJSON.makeDecoder().decode(TransferBundleFile.self, from: data) else {
            throw TransferError.notABundle("it is not the JSON that `esafety transfer out` writes")
        }
        guard file.format == formatName else { throw TransferError.notABundle("its format is \(file.format)") }
        guard file.formatVersion == 1 else {
            throw TransferError.notABundle("it is format version \(file.formatVersion), and this esafety reads version 1: use a newer esafety")
        }
        return file
    }

    func open(with key: Curve25519.KeyAgreement.PrivateKey) throws -> TransferBundleContents {
        guard let plain = try? sealed.open(with: key, info: Self.info) else {
            throw TransferError.notABundle("it does not open with this store's transfer key (damaged, or changed after it was sealed)")
        }
        do {
            return try StoreJSON.makeDecoder().decode(TransferBundleContents.self, from: plain)
        } catch {
            throw TransferError.notABundle("its sealed contents are not a child-protection file")
        }
    }
}

/// What a bundle seals: the pupil, the sending school, every incident (with its walks and
/// follow-ups) that involves the pupil, and the receipt code.
struct TransferBundleContents: Codable {
    struct Pupil: Codable, Equatable {
        var name: String
        var dateOfBirth: CivilDate?
        var upn: String?
    }

    var bundleID: String
    var sendingSchool: String
    var sentAt: Date
    var sentBy: String
    var pupil: Pupil
    var records: [IncidentRecord]
    var receiptCode: String
}
