import Crypto
import Foundation

/// The code a receiving school reads back to the sender to confirm a transfer arrived:
/// `XXXX-XXXX`, capital letters and digits without the ones that are misread (0 O 1 I).
/// It travels sealed inside the bundle; the sending school keeps only its hash.
public enum ReceiptCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A new random code.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return String(characters.prefix(4)) + "-" + String(characters.suffix(4))
    }

    /// The code as typed, tidied: capitals, without spaces; nil unless it is eight characters
    /// of the alphabet (with or without the hyphen).
    public static func normalise(_ typed: String) -> String? {
        let characters = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard characters.count == 8, characters.allSatisfy(alphabet.contains) else { return nil }
        return String(characters.prefix(4)) + "-" + String(characters.suffix(4))
    }

    /// What the sending school keeps: the SHA-256 of the bundle's id and the code.
    static func check(_ code: String, bundleID: String) -> String {
        SHA256.hash(data: Data((bundleID + ":" + code).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
