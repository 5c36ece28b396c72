/// The consent register's documents in the store.
///
/// ```
/// consent/pupils-ending-07.json   consent events of pupils whose number ends in 07
/// consent/images.json             images and videos of pupils in use, and when each came down
/// ```
public enum ConsentDocumentName {
    public static let folder = "consent"
    public static func events(bucket: String) -> String { "\(folder)/pupils-ending-\(bucket)" }
    public static let images = "\(folder)/images"
}

/// `consent/pupils-ending-<bucket>.json`.
struct ConsentShardDocument: Codable {
    var events: [ConsentEvent]
}

/// `consent/images.json`.
struct ImagesDocument: Codable, Equatable {
    var images: [ImageInUse]
    var nextNumber: Int
}
