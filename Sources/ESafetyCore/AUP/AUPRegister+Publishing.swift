import CivilTime
import Foundation

/// Publishing AUP texts.
extension AUPRegister {
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

    /// Publishes the text of the file at `path` (a leading `~` is the home folder) as ``publish(kind:text:)`` does.
    /// - Throws: ``UserTextFileError`` if the file cannot be read as UTF-8 text, then as publishing does.
    @discardableResult
    public func publish(kind: AUPKind, textFile path: String) throws -> AUPVersion {
        try publish(kind: kind, text: UserTextFile.read(path).text)
    }
}
