import CivilTime
import Foundation

/// Publishing AUP texts, and the texts and class list a new store starts with.
extension AUPRegister {
    // MARK: Versions

    /// Publishes a new text of an AUP, dated today. Everyone who signed an older version of it is
    /// then due to sign again.
    @discardableResult
    public func publish(kind: AUPKind, text: String) throws -> AUPVersion {
        try workspace.require(.publishAUP)
        try load()
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw AUPError.emptyText }
        let version = AUPVersion(kind: kind, text: text, publishedOn: today)
        var unique = version
        try store.commit(actor: workspace.actor, action: "aup.publish") { transaction in
            if !transaction.isUnchanged(AUPDocumentName.versions) {
                versions = try store.load(AUPVersionsDocument.self, from: AUPDocumentName.versions)?.versions ?? versions
            }
            if currentVersion(of: kind)?.contentHash == version.contentHash { throw AUPError.sameText(kind) }
            if versions.contains(where: { $0.id == unique.id }) { unique.id += "-\(versions.count)" }
            transaction.recordID = unique.id
            transaction.summary = "Published a new \(kind.title) (\(unique.id)); everyone who signed an earlier version is due to sign again"
            try transaction.write(AUPVersionsDocument(versions: versions + [unique]), to: AUPDocumentName.versions)
        }
        versions.append(unique)
        return unique
    }

    // MARK: Creating a store

    /// Saves the default texts and class list into a new store, and a fictional roster with
    /// some signatures for a demo.
    static func seed(into store: Store, actor: AuditActor, today: CivilDate, now: Date, demo: Bool) throws {
        let versions = try defaultVersions(on: demo ? SchoolYear(containing: today).start : today)
        try store.save(AUPVersionsDocument(versions: versions), to: AUPDocumentName.versions, actor: actor, action: "store.create",
                       recordID: nil, summary: "Published the default AUP texts")
        let classes = try DefaultResources.decode(ClassListDocument.self, from: "aup/classes.json")
        try store.save(classes, to: AUPDocumentName.classes, actor: actor, action: "store.create", recordID: nil,
                       summary: "Created the class list from the defaults")
        if demo { try AUPDemoData.seed(into: store, actor: actor, versions: versions, classes: classes.classes, today: today, now: now) }
    }
}
