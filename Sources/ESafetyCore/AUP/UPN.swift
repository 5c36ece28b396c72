/// England's Unique Pupil Number: a check letter then 12 digits (a permanent UPN), or a check
/// letter, 11 digits and a letter (a temporary UPN). The check letter is the DfE's: each of
/// characters 2 to 13 times its position (2 to 13), a temporary UPN's last letter counted by
/// its place in the check alphabet, summed modulo 23, read in "ABCDEFGHJKLMNPQRTUVWXYZ"
/// (I, O and S are never used). Source: the UK Government Data Standards Catalogue, "Unique
/// Pupil Number" v2.0 (agreed 18 November 2004); see docs/aup.md.
public enum UPN {
    static let alphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// The check letter for the 12 characters after it; nil if they are not 11 digits and a
    /// digit or check-alphabet letter.
    public static func checkLetter(for body: String) -> Character? {
        let characters = Array(body.uppercased())
        guard characters.count == 12 else { return nil }
        var sum = 0
        for (offset, character) in characters.enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if offset == 11, let index = alphabet.firstIndex(of: character) {
                value = index
            } else {
                return nil
            }
            sum += value * (offset + 2)
        }
        return alphabet[sum % 23]
    }

    /// Why `text` is not a UPN, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        let upn = Array(text.uppercased())
        guard upn.count == 13 else { return "the UPN “\(text)” is not 13 characters (a letter, then 12 digits, or 11 digits and a letter)" }
        guard upn[0].isLetter, upn[1...11].allSatisfy({ $0.isASCII && $0.isNumber }), upn[12].isASCII && (upn[12].isNumber || upn[12].isLetter) else {
            return "the UPN “\(text)” is not a letter, then 12 digits, or 11 digits and a letter"
        }
        guard let expected = checkLetter(for: String(upn[1...])) else {
            return "the UPN “\(text)” ends in a letter not used in UPNs (I, O and S are not)"
        }
        guard upn[0] == expected else { return "the UPN “\(text)” has the wrong check letter (it should start with \(expected))" }
        return nil
    }
}
