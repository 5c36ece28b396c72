import Foundation

/// One line of the store's append-only audit log, `audit.jsonl`: one commit.
///
/// Every commit appends exactly one entry, whatever number of documents it writes; the entry is
/// the commit point (see docs/concurrency.md). Entries are never rewritten or removed.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// Position in the log: 1 for the first entry, then increasing by one with no gaps.
    public var sequence: Int
    /// When the change was committed, to the whole second (UTC in the file).
    public var at: Date
    /// Who made the change.
    public var actor: AuditActor
    /// What kind of change, as a dotted verb, e.g. `"person.add"` or `"incident.update"`.
    public var action: String
    /// The document that changed (the first, when a commit writes several), or `"-"` for an
    /// event that writes none, such as an export.
    public var document: String
    /// The record inside the document that changed, if the change concerns one record.
    public var recordID: String?
    /// A sentence for people reading the log, e.g. "Added Zoë Ōkubo (Year 4)".
    public var summary: String
    /// The SHA-256 (hex) of the exact bytes of the line before this one (of nothing, for the
    /// first entry), so that changing any earlier line breaks the chain and `check` names it.
    /// Absent in entries written before the chain existed.
    public var previousHash: String?
    /// Every document the commit wrote or deleted, with its new revision and hash. Absent in
    /// entries written before format version 2 and in events that change no document.
    public var documents: [AuditDocumentChange]?
    /// Numbers given out by this commit (the next incident or person number), by counter, so
    /// that no number is ever given out twice, even after the record it named is deleted.
    public var allocated: [String: Int]?
    /// The problems with the log that an administrator acknowledged in this entry (lost or
    /// damaged entries), each as `esafety check` keys it; the reason is in `summary`.
    public var acknowledges: [String]?
    /// The SHA-256 of the store's ledger after this entry (every document's revision and hash),
    /// which anchors the ledger kept in `cache/` so that it cannot be edited unnoticed.
    public var ledgerHash: String?
    /// Who signed the entry: a person's id (`P0003`) or `root`; nil for an entry made before
    /// accounts were set up, or one that only counts a wrong passphrase.
    public var signer: String?
    /// The signer's Ed25519 signature (base64) of this line as written without `signature`.
    public var signature: String?

    /// Creates an entry. Normally only ``Store`` creates entries.
    public init(sequence: Int, at: Date, actor: AuditActor, action: String, document: String,
                recordID: String?, summary: String, previousHash: String? = nil,
                documents: [AuditDocumentChange]? = nil, allocated: [String: Int]? = nil,
                acknowledges: [String]? = nil, ledgerHash: String? = nil) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.document = document
        self.recordID = recordID
        self.summary = summary
        self.previousHash = previousHash
        self.documents = documents
        self.allocated = allocated
        self.acknowledges = acknowledges
        self.ledgerHash = ledgerHash
    }
}
