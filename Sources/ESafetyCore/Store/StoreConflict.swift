import Foundation

/// A save that lost a race: another session committed a change to the same document (or the
/// same record) after this one read it. Nothing was saved, and what the person typed is kept
/// by the screen that tried; the message says who changed what, and when.
public struct StoreConflict: Error, Equatable, CustomStringConvertible, Sendable {
    /// The document, e.g. `"directory"`.
    public var document: String
    /// What was being changed, in words, e.g. "Zoë Ōkubo's details" (nil: the document).
    public var what: String?
    /// The entry that made the other change, if the log names one.
    public var change: AuditEntry?

    /// Creates a conflict report.
    public init(document: String, what: String? = nil, change: AuditEntry?) {
        self.document = document
        self.what = what
        self.change = change
    }

    /// E.g. "Not saved: Amira Haddad changed Zoë Ōkubo's details at 10:14. Your typing is kept;
    /// save again to keep yours." Who comes first: a status line may show only the start.
    public var description: String {
        let subject = what ?? "\(document).json"
        let who = change.map { "\($0.actor.name) changed \(subject) at \(AuditFormatting.shortTimestamp($0.at))" }
            ?? "someone else changed \(subject)"
        return "Not saved: \(who) since you opened it. Your typing is kept; save again to keep yours."
    }
}
