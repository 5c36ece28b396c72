import Foundation

/// Each person's unfinished incident report, kept as they type (drafts are not records, so
/// they are written without audit entries; see Store+Drafts.swift).
extension IncidentLog {
    /// The draft of the person at the terminal (one each).
    var draftName: String {
        let id = actor().id.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return "incident-" + id.filter { $0.isASCII }
    }

    /// The unfinished report of the person at the terminal, if any. Once esafety is set up,
    /// drafts are sealed with their author's own key: nobody else can read them.
    public func draft() throws -> IncidentDraft? {
        guard vault.isSecured else { return try store.loadDraft(IncidentDraft.self, named: draftName) }
        guard let key = vault.session?.draftKey, let file = try store.loadDraft(SealedDraftFile.self, named: draftName) else { return nil }
        guard let data = try? SymmetricSeal.open(file.sealedDraft, with: key) else { return nil }
        return try StoreJSON.makeDecoder().decode(IncidentDraft.self, from: data)
    }

    /// Saves the unfinished report as it is typed.
    public func saveDraft(_ draft: IncidentDraft) throws {
        var draft = draft
        draft.savedAt = Self.wholeSecond(now())
        guard vault.isSecured else { return try store.saveDraft(draft, as: draftName) }
        try vault.require(.recordIncident)
        guard let key = vault.session?.draftKey else { throw AccessError.notSignedIn }
        try store.saveDraft(SealedDraftFile(sealedDraft: SymmetricSeal.seal(StoreJSON.makeEncoder().encode(draft), with: key)), as: draftName)
    }

    /// Throws away the unfinished report.
    public func discardDraft() throws { try store.removeDraft(named: draftName) }

}
