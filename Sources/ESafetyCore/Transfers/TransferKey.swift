import Crypto
import Foundation

/// `transfer-key.json`: the school's transfer key, which other schools seal child-protection
/// files to. The public half is public; the private half is a store key held like the others:
/// sealed to the records key of the generation in force (sealed again at every rotation), and
/// to the escrow key, which only the recovery key opens. It is never on disk in the clear.
struct TransferKeyDocument: Codable, Equatable {
    static let name = "transfer-key"

    /// X25519 public key (raw).
    var publicKey: Data
    /// The private key (raw) sealed to the records key of `recordsGeneration`.
    var privateForRecords: SealedPayload
    var recordsGeneration: Int
    /// The private key (raw) sealed to the escrow key.
    var privateForEscrow: SealedPayload
    var createdAt: Date

    /// The private key, opened with the records key this session holds.
    func privateKey(with records: Curve25519.KeyAgreement.PrivateKey) throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let raw = try? privateForRecords.open(with: records),
              let key = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw), key.publicKey.rawRepresentation == publicKey else {
            throw AccessError.damagedKey(Self.name + ".json")
        }
        return key
    }
}

/// The public transfer key as text a school gives to the one sending it a file:
/// `esafety-transfer-1.<key>.<school name>.<check>`, base64url parts, the check the first four
/// bytes of the SHA-256 of what comes before it, so a key cut short or mistyped is refused.
public struct TransferKeyText: Equatable, Sendable {
    static let prefix = "esafety-transfer-1"

    public var publicKey: Data
    /// The receiving school's name, as its profile gives it (a label: the key is what counts).
    public var school: String

    public var text: String {
        let body = [Self.prefix, Self.base64url(publicKey), Self.base64url(Data(school.utf8))].joined(separator: ".")
        return body + "." + Self.base64url(Self.check(body))
    }

    init(publicKey: Data, school: String) { self.publicKey = publicKey; self.school = school }

    /// Reads a key given as text.
    /// - Throws: ``TransferError/badKey(_:)`` naming what is wrong with it.
    public init(parsing given: String) throws {
        let parts = given.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == Self.prefix else {
            throw TransferError.badKey("it does not start with \(Self.prefix). (give the whole text that `esafety transfer key` printed)")
        }
        guard let check = Self.fromBase64url(parts[3]), check == Self.check(parts[0...2].joined(separator: ".")) else {
            throw TransferError.badKey("its check does not match: part of it is missing or mistyped")
        }
        guard let key = Self.fromBase64url(parts[1]), key.count == 32, let name = Self.fromBase64url(parts[2]) else {
            throw TransferError.badKey("its key part is not a key")
        }
        publicKey = key
        school = String(decoding: name, as: UTF8.self)
    }

    static func check(_ body: String) -> Data { Data(SHA256.hash(data: Data(body.utf8)).prefix(4)) }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func fromBase64url(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
