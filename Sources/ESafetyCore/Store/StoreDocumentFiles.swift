import Foundation

/// The document files of a store folder: `*.json` at the top and one folder down, except in
/// `backups/` and hidden names (temporary files); the manifest is not a document.
enum StoreDocumentFiles {
    /// Every document file's relative path, sorted, with the documents they name (nil for a
    /// `.json` file whose name is not a valid document name).
    static func list(directory: String) -> [(relativePath: String, document: StoreDocumentName?)] {
        var candidates: [String] = []
        let top = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in top.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            if let info = try? StoreFileIO.status(path), info.st_mode & StoreFileIO.typeMask == StoreFileIO.directoryType {
                guard name != StoreMigration.backupsFolder else { continue }
                let inner = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                candidates += inner.sorted().filter { !$0.hasPrefix(".") }.map { "\(name)/\($0)" }
            } else {
                candidates.append(name)
            }
        }
        return candidates.filter { $0.hasSuffix(".json") && $0 != StoreManifest.fileName }
            .map { ($0, StoreDocumentName.fromRelativePath($0)) }
    }

    /// The names of the documents in one folder of the store at `directory` (`"incidents"` gives
    /// `["incidents/2026-0001", …]`), sorted; temporary (hidden) files are not listed.
    static func names(in folder: String, below directory: String) -> [String] {
        let folderPath = (directory as NSString).appendingPathComponent(folder)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folderPath) else { return [] }
        return entries.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { folder + "/" + String($0.dropLast(5)) }
            .sorted()
    }

    /// A document's file in the store at `directory`.
    static func path(of document: StoreDocumentName, below directory: String) -> String {
        (directory as NSString).appendingPathComponent(document.relativePath)
    }
}
