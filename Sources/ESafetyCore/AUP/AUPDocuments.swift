/// The AUP area's documents in the store, and their names.
///
/// ```
/// aup/versions.json                      every published text of every AUP
/// aup/classes.json                       the class list: class name and year group
/// aup/roster-pupils.json (…-staff, …)    the roster, one file per group
/// aup/voided-signatures.json             signatures voided as recorded by mistake, with why
/// aup-signatures/2026-27-ending-07.json  signatures of one school year by people whose
///                                        number ends in 07: a save rewrites about 1% of a year
/// ```
public enum AUPDocumentName {
    public static let versions = "aup/versions"
    public static let classes = "aup/classes"
    public static func roster(_ group: RosterGroup) -> String { "aup/roster-\(group.rawValue)s" }
    public static let voids = "aup/voided-signatures"
    public static let signatureFolder = "aup-signatures"
    public static func signatures(_ year: SchoolYear, bucket: String) -> String { "\(signatureFolder)/\(year)-ending-\(bucket)" }
    /// The 100 buckets, "00" to "99".
    public static let buckets: [String] = (0..<100).map { $0 < 10 ? "0\($0)" : "\($0)" }
    /// Every signature file a school year may have, one per bucket.
    static func signatureFiles(of year: SchoolYear) -> [String] { buckets.map { signatures(year, bucket: $0) } }
}

/// `aup/versions.json`.
struct AUPVersionsDocument: Codable {
    var versions: [AUPVersion]
}

/// `aup/classes.json`.
struct ClassListDocument: Codable {
    var classes: [SchoolClass]
}

/// `aup/roster-<group>s.json`: one group's people and the number the next id is made from.
struct RosterDocument: Codable, Equatable {
    var people: [RosterPerson]
    var nextNumber: Int
}

/// `aup-signatures/<year>-ending-<bucket>.json`.
struct SignatureShardDocument: Codable {
    var signatures: [AUPSignature]
}
