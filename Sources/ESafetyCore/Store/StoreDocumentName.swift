/// A checked document name and the file it maps to.
///
/// Names are one or two components separated by `/` (the second level is for sharding, e.g.
/// `incidents/2026`). Each component uses letters, digits, `-`, `_` and `.`, does not start with
/// `.` (hidden names are reserved for temporary files), and is at most 100 characters. `manifest`
/// and the `backups` folder are reserved.
struct StoreDocumentName: Equatable {
    /// The name as given, e.g. `"incidents/2026"`.
    let name: String
    /// The file, relative to the store folder, e.g. `"incidents/2026.json"`.
    let relativePath: String
    /// The subfolder, relative to the store folder, if the name has one.
    let folder: String?

    /// The folder for work in progress (an incident form half filled in), saved as the user
    /// types without an audit entry each time: drafts are not records until submitted.
    static let draftsFolder = "drafts"

    /// The folder for derived documents that esafety can rebuild from the records (the sealed
    /// incident index), written without an audit entry: they record nothing new.
    static let cacheFolder = "cache"

    /// True for drafts and caches: saved without audit entries, so the audit checks pass them by.
    var isUnaudited: Bool { folder == Self.draftsFolder || folder == Self.cacheFolder }

    /// The names the store keeps for itself.
    static let reservedNames: Set<String> = ["manifest", "audit", "lock"]

    init(_ name: String) throws {
        let components = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(components.count), components.allSatisfy(Self.isValidComponent) else {
            throw StoreError.invalidDocumentName(name)
        }
        if components.count == 1, Self.reservedNames.contains(components[0].lowercased()) {
            throw StoreError.invalidDocumentName(name)
        }
        if components.count == 2, components[0].lowercased() == "backups" {
            throw StoreError.invalidDocumentName(name)
        }
        self.name = name
        self.relativePath = name + ".json"
        self.folder = components.count == 2 ? components[0] : nil
    }

    /// The document name for a file path relative to the store folder, if it is a document file.
    static func fromRelativePath(_ path: String) -> StoreDocumentName? {
        guard path.hasSuffix(".json") else { return nil }
        return try? StoreDocumentName(String(path.dropLast(5)))
    }

    private static func isValidComponent(_ component: String) -> Bool {
        guard !component.isEmpty, component.utf8.count <= 100, !component.hasPrefix(".") else { return false }
        return component.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
    }
}
