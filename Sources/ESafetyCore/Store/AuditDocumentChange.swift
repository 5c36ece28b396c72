/// What one commit did to one document, as its audit entry records it: the document's new
/// revision and the SHA-256 of its new bytes, or that it was deleted. `esafety check` proves
/// every document against the last of these that names it.
public struct AuditDocumentChange: Codable, Sendable, Equatable {
    /// The document, e.g. `"directory"` or `"incidents/2026-0007"`.
    public var document: String
    /// Its revision after the commit: 1 when first written, one more at each commit after.
    public var revision: Int
    /// The SHA-256 (lower-case hex) of the file's bytes after the commit; nil when deleted.
    public var sha256: String?
    /// True when the commit deleted the document.
    public var deleted: Bool?

    /// Creates a change; normally only the store does.
    public init(document: String, revision: Int, sha256: String?, deleted: Bool? = nil) {
        self.document = document
        self.revision = revision
        self.sha256 = sha256
        self.deleted = deleted
    }

    /// True when the commit deleted the document.
    public var isDeletion: Bool { deleted == true }
}
