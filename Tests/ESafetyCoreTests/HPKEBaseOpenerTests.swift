import Crypto
import Foundation
import XCTest
@testable import ESafetyCore

/// esafety's own HPKE base-mode open gives what RFC 9180 and swift-crypto give, and refuses what
/// they refuse.
final class HPKEBaseOpenerTests: XCTestCase {
    private func hex(_ text: String) -> Data {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return Data(bytes)
    }

    /// RFC 9180, appendix A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, base
    /// mode, the first encryption (sequence 0).
    func testTheRFCTestVector() throws {
        let key = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: hex("8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb"))
        XCTAssertEqual(key.publicKey.rawRepresentation, hex("4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a"))
        let opener = HPKEBaseOpener(info: hex("4f6465206f6e2061204772656369616e2055726e"))
        let plaintext = try opener.open(hex("1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28"),
                                        encapsulatedKey: hex("1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a"),
                                        with: key, authenticating: hex("436f756e742d30"))
        XCTAssertEqual(plaintext, hex("4265617574792069732074727574682c20747275746820626561757479"))
        XCTAssertEqual(String(decoding: plaintext, as: UTF8.self), "Beauty is truth, truth beauty")
    }

    func testItOpensWhatSwiftCryptoSealsAsSwiftCryptoOpensIt() throws {
        let key = Curve25519.KeyAgreement.PrivateKey()
        var generator = SystemRandomNumberGenerator()
        for (index, length) in [0, 1, 15, 16, 17, 63, 64, 65, 1_000, 4_099].enumerated() {
            let info = index % 2 == 0 ? SealedPayload.info : Data("another use \(index)".utf8)
            let message = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let sealed = try SealedPayload.seal(message, to: key.publicKey, info: info)
            var recipient = try HPKE.Recipient(privateKey: key, ciphersuite: SealedPayload.suite, info: info, encapsulatedKey: sealed.encapsulatedKey)
            XCTAssertEqual(try recipient.open(sealed.ciphertext), message, "swift-crypto, \(length) bytes")
            XCTAssertEqual(try HPKEBaseOpener(info: info).open(sealed.ciphertext, encapsulatedKey: sealed.encapsulatedKey, with: key), message)
            XCTAssertEqual(try sealed.open(with: key, info: info), message, "\(length) bytes")
        }
    }

    func testItRefusesAWrongKeyAnyChangedByteAndABadShare() throws {
        let key = Curve25519.KeyAgreement.PrivateKey()
        let sealed = try SealedPayload.seal(Data("An incident record".utf8), to: key.publicKey)
        let opener = HPKEBaseOpener(info: SealedPayload.info)
        XCTAssertThrowsError(try opener.open(sealed.ciphertext, encapsulatedKey: sealed.encapsulatedKey, with: Curve25519.KeyAgreement.PrivateKey()))
        XCTAssertThrowsError(try HPKEBaseOpener(info: Data("other".utf8)).open(sealed.ciphertext, encapsulatedKey: sealed.encapsulatedKey, with: key),
                             "another info")
        for offset in [0, sealed.ciphertext.count / 2, sealed.ciphertext.count - 1] {
            var changed = Data(Array(sealed.ciphertext))  // indexed from 0
            changed[offset] ^= 0x01
            XCTAssertThrowsError(try opener.open(changed, encapsulatedKey: sealed.encapsulatedKey, with: key), "byte \(offset) changed")
        }
        var share = Data(Array(sealed.encapsulatedKey))
        share[3] ^= 0x01
        XCTAssertThrowsError(try opener.open(sealed.ciphertext, encapsulatedKey: share, with: key), "another share")
        XCTAssertThrowsError(try opener.open(sealed.ciphertext, encapsulatedKey: Data(repeating: 0, count: 32), with: key), "a low-order share")
        XCTAssertThrowsError(try opener.open(sealed.ciphertext, encapsulatedKey: sealed.encapsulatedKey.prefix(31), with: key), "a short share")
        XCTAssertThrowsError(try opener.open(sealed.ciphertext.prefix(15), encapsulatedKey: sealed.encapsulatedKey, with: key), "shorter than a tag")
        XCTAssertThrowsError(try opener.open(Data(), encapsulatedKey: sealed.encapsulatedKey, with: key), "nothing")
    }
}
