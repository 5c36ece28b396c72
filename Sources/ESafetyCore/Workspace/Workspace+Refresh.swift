import Foundation

/// What other sessions committed, as a running app learns of it.
public struct WorkspaceChanges: Sendable, Equatable {
    /// Their entries, oldest first.
    public var entries: [AuditEntry]
    /// Every document they wrote or deleted.
    public var documents: Set<String>

    /// True when nobody else has committed anything.
    public var isEmpty: Bool { entries.isEmpty }

    /// Nothing changed.
    public static let none = WorkspaceChanges(entries: [], documents: [])

    /// True when a document was among them.
    public func touches(_ document: String) -> Bool { documents.contains(document) }

    /// The last of their entries that wrote a document, for "who changed it".
    public func lastChange(of document: String) -> AuditEntry? {
        entries.last { $0.documents?.contains { $0.document == document } ?? false }
    }
}

extension Workspace {
    /// Proves every document of the store against the audit log (cheaply: see
    /// `Store.proveEveryDocument()`) and keeps what fails in ``documentProblems``. The app does
    /// it once it has drawn its first screen.
    public func proveDocuments() {
        documentProblems = store.proveEveryDocument()
        store.changeCount += 1  // the dashboard shows them
    }

    /// Reads what other sessions (another terminal, the lead over SSH, a command) have committed
    /// since this one last looked, and brings every loaded area up to date with it: the
    /// directory, the profile, the accounts, the AUP records, the review schedule and the
    /// incident log. Cheap when nothing has changed (one `fstat` of the audit log); the app
    /// calls it every second.
    /// - Throws: a `StoreError` naming a changed document that cannot be read; what was loaded
    ///   before is kept.
    @discardableResult
    public func refresh() throws -> WorkspaceChanges {
        try store.catchUp()
        let entries = store.takeExternalChanges()
        guard !entries.isEmpty else { return .none }
        let documents = Set(entries.flatMap { $0.documents?.map(\.document) ?? [] })
        let changes = WorkspaceChanges(entries: entries, documents: documents)
        if documents.contains(DocumentName.directory),
           let stored = try store.load(DirectoryDocument.self, from: DocumentName.directory)?.directory {
            try RecordCheck.refuseDuplicates(stored.people.map(\.id), kind: "person", in: DocumentName.directory + ".json")
            directory = stored
        }
        if documents.contains(DocumentName.profile), let stored = try store.load(SchoolProfile.self, from: DocumentName.profile) {
            profile = stored
        }
        if documents.contains(DocumentName.reportingLines),
           let stored = try store.load(ReportingLinesDocument.self, from: DocumentName.reportingLines) {
            reportingLines = stored.reportingLines
        }
        if [Accounts.usersDocument, Accounts.keysDocument, Accounts.authorityDocumentName].contains(where: documents.contains),
           let accounts = loadedAccounts {
            try accounts.refresh()
            if let session { self.session = accounts.renewed(session) }  // keys or access changed: e.g. the records key rotated
        }
        try aup.refresh(documents: documents)
        try reviews.refresh(documents: documents)
        try consents.refresh(documents: documents)
        try filtering.refresh(documents: documents)
        try loadedIncidents?.refresh(documents: documents)
        return changes
    }
}
