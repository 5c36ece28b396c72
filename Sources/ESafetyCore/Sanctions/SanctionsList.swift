import Foundation

/// The school's sanctions list: what users may not visit, post or pass on, on pain of sanctions
/// or disciplinary procedures. The flowchart's options name it ("on the sanctions list or against
/// the AUP"), and the walk shows it there. The default is the policy's own list
/// (`Resources/defaults/sanctions.json`); an administrator changes the school's copy
/// (`sanctions.json` in the store) in Settings.
public struct SanctionsList: Codable, Sendable, Hashable {
    public var title: String
    /// The sentence before the items.
    public var introduction: String
    public var items: [String]
    /// Which policy, and which section of it.
    public var source: String
    /// False until the school has saved its own copy.
    public var confirmed: Bool

    public init(title: String, introduction: String, items: [String], source: String, confirmed: Bool) {
        self.title = title; self.introduction = introduction; self.items = items; self.source = source; self.confirmed = confirmed
    }

    /// The store document's name.
    public static let document = "sanctions"
    static let defaultPath = "defaults/sanctions.json"

    /// The list with every item, one a line: "• Personal gambling or betting."
    public var text: String {
        ([introduction, ""] + items.map { "• " + $0 } + (source.isEmpty ? [] : ["", "Source: \(source)"])).joined(separator: "\n")
    }

    /// Why the list cannot be saved as it is, if it cannot.
    var problems: [String] {
        var problems: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("The list needs a title.") }
        if items.isEmpty { problems.append("The list needs at least one item, one a line.") }
        return problems
    }
}

/// A sanctions list that cannot be saved, in words for the person at the terminal.
public struct SanctionsListError: Error, CustomStringConvertible, Equatable {
    public var description: String
}

extension FlowchartOption {
    /// True where the option's words name the sanctions list, so the walk offers to show it.
    public var namesSanctionsList: Bool { label.range(of: "sanctions list", options: [.caseInsensitive, .diacriticInsensitive]) != nil }
}

extension Workspace {
    /// The school's sanctions list, or the policy's default until the school saves its own.
    public func sanctionsList() throws -> SanctionsList {
        if let saved = try store.load(SanctionsList.self, from: SanctionsList.document) { return saved }
        return try DefaultResources.decode(SanctionsList.self, from: SanctionsList.defaultPath)
    }

    /// Saves the school's sanctions list: administrators only; one document, one audit entry.
    /// `original` is the list as the form showed it: if another session has saved a different one
    /// since, nothing is written and the error says who changed it.
    public func updateSanctionsList(_ list: SanctionsList, basedOn original: SanctionsList) throws {
        try require(.editSettings)
        var cleaned = list
        cleaned.items = list.items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        cleaned.title = list.title.trimmingCharacters(in: .whitespaces)
        cleaned.confirmed = true
        let problems = cleaned.problems
        guard problems.isEmpty else { throw SanctionsListError(description: problems.joined(separator: " ")) }
        try store.commit(actor: actor, action: "settings.sanctions", recordID: nil,
                         summary: "Changed the sanctions list (\(cleaned.items.count) items)") { transaction in
            guard try sanctionsList() == original else {
                throw StoreConflict(document: SanctionsList.document, what: "the sanctions list", change: transaction.lastChange(of: SanctionsList.document))
            }
            try transaction.write(cleaned, to: SanctionsList.document)
        }
    }
}
