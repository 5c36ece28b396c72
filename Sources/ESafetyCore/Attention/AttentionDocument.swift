import Foundation

/// `attention/<person>.json`: what one person has opened and reported, so that "New since you
/// last signed in" and "My reports" are a small read rather than a scan of the audit log. It is
/// written in the same commit as the event it follows (the opening, the submission), so it is
/// never out of step with the log. Ids and dates only: nothing of what happened.
struct AttentionDocument: Codable, Equatable {
    /// An incident the person recorded.
    struct Reported: Codable, Equatable {
        var id: String
        var recordedAt: Date
    }

    /// Incidents the person has opened, in the order first opened.
    var opened: [String] = []
    /// Incidents the person recorded, oldest first: the last ``reportedKept`` of them, so that a
    /// busy account (the office's, shared by everyone at its terminal) does not make every
    /// report it submits rewrite a longer list.
    var reported: [Reported] = []

    /// How many of a person's own reports "My reports" keeps.
    static let reportedKept = 200

    static let folder = "attention"

    /// The document of whoever `actor` is (`person:P0003`, `os:sam`).
    static func name(for actor: AuditActor) -> String {
        let key = actor.id.unicodeScalars.map { scalar -> String in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-") ? String(scalar) : "_"
        }.joined()
        return folder + "/" + String(key.prefix(90))
    }

    /// Adds to a commit that the actor opened an incident (written only the first time).
    static func stageOpened(_ id: String, by actor: AuditActor, in transaction: StoreTransaction) throws {
        var document = try transaction.load(AttentionDocument.self, from: name(for: actor)) ?? AttentionDocument()
        guard !document.opened.contains(id) else { return }
        document.opened.append(id)
        try transaction.write(document, to: name(for: actor))
    }

    /// Adds to an incident's submission that the actor recorded it.
    static func stageReported(_ id: String, at recordedAt: Date, by actor: AuditActor, in transaction: StoreTransaction) throws {
        var document = try transaction.load(AttentionDocument.self, from: name(for: actor)) ?? AttentionDocument()
        document.reported.append(Reported(id: id, recordedAt: recordedAt))
        if document.reported.count > reportedKept { document.reported.removeFirst(document.reported.count - reportedKept) }
        try transaction.write(document, to: name(for: actor))
    }
}

/// `alert-failures.json`: e-mail alerts that could not be sent in the last 30 days, for the
/// dashboards; written in the same commit as the `alert.failed` event.
struct AlertFailuresDocument: Codable, Equatable {
    struct Failure: Codable, Equatable {
        var incidentID: String?
        var at: Date
        var problem: String
        var actorID: String
    }

    var failures: [Failure] = []

    static let name = "alert-failures"
    static let keptDays = 30
}
