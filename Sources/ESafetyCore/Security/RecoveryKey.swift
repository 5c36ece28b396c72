import Crypto
import Foundation

/// The recovery key shown once at set-up, for the head teacher to keep somewhere safe: 32
/// random bytes written as 13 groups of four letters and digits (Crockford's base 32, which
/// has no I, L, O or U to misread).
public enum RecoveryKey {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func generate() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// The key as people copy it down.
    static func text(_ key: SymmetricKey) -> String {
        let bytes = key.withUnsafeBytes { Array($0) }
        var bits = 0, value = 0
        var characters: [Character] = []
        for byte in bytes {
            value = (value << 8) | Int(byte); bits += 8
            while bits >= 5 { characters.append(alphabet[(value >> (bits - 5)) & 31]); bits -= 5 }
        }
        if bits > 0 { characters.append(alphabet[(value << (5 - bits)) & 31]) }
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    /// Reads a key typed back in, forgiving case, spaces, dashes and look-alike letters.
    static func parse(_ text: String) -> SymmetricKey? {
        var bits = 0, value = 0
        var bytes: [UInt8] = []
        for character in text.uppercased() {
            var c = character
            if c == "-" || c == " " { continue }
            if c == "O" { c = "0" }
            if c == "I" || c == "L" { c = "1" }
            guard let index = alphabet.firstIndex(of: c) else { return nil }
            value = (value << 5) | index; bits += 5
            if bits >= 8 { bytes.append(UInt8((value >> (bits - 8)) & 255)); bits -= 8 }
            value &= (1 << bits) - 1
        }
        return bytes.count == 32 ? SymmetricKey(data: bytes) : nil
    }
}
