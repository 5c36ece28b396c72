import Foundation

/// One line of the store's append-only audit log, `audit.jsonl`.
///
/// Every successful ``Store/save(_:to:actor:action:recordID:summary:)`` appends exactly one entry,
/// after the document itself has been committed. Entries are never rewritten or removed.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// Position in the log: 1 for the first entry, then increasing by one with no gaps.
    public var sequence: Int
    /// When the change was committed, to the whole second (UTC in the file).
    public var at: Date
    /// Who made the change.
    public var actor: AuditActor
    /// What kind of change, as a dotted verb, e.g. `"person.add"` or `"incident.update"`.
    public var action: String
    /// The document that changed, e.g. `"people"` or `"incidents/2026"`.
    public var document: String
    /// The record inside the document that changed, if the change concerns one record.
    public var recordID: String?
    /// A sentence for people reading the log, e.g. "Added Zoë Ōkubo (Year 4)".
    public var summary: String
    /// The SHA-256 (hex) of the exact bytes of the line before this one (of nothing, for the
    /// first entry), so that changing any earlier line breaks the chain and `check` names it.
    /// Absent in entries written before the chain existed.
    public var previousHash: String?

    /// Creates an entry. Normally only ``Store`` creates entries.
    public init(sequence: Int, at: Date, actor: AuditActor, action: String, document: String,
                recordID: String?, summary: String, previousHash: String? = nil) {
        self.previousHash = previousHash
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.document = document
        self.recordID = recordID
        self.summary = summary
    }
}
