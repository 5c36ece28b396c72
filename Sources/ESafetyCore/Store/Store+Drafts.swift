import Foundation

/// Work in progress and derived data: files written without an audit entry, outside commits.
///
/// A draft (`drafts/<name>`) is not a record until it is submitted, and saving one as people
/// type would bury the log; a cache (`cache/<name>`) holds nothing that is not already in the
/// records, and esafety rebuilds it if it is lost. Each write is still atomic and owner-only.
extension Store {
    /// Atomically saves work in progress as `drafts/<name>`, with no audit entry.
    public func saveDraft<T: Encodable>(_ value: T, as name: String) throws {
        try saveUnaudited(value, to: StoreDocumentName(StoreDocumentName.draftsFolder + "/" + name))
    }

    /// Reads a draft saved by ``saveDraft(_:as:)``; nil if there is none.
    public func loadDraft<T: Decodable>(_ type: T.Type, named name: String) throws -> T? {
        try load(type, from: StoreDocumentName.draftsFolder + "/" + name)
    }

    /// Removes a draft once it has been submitted or discarded (no audit entry: the submission
    /// itself is audited).
    public func removeDraft(named name: String) throws {
        let document = try StoreDocumentName(StoreDocumentName.draftsFolder + "/" + name)
        guard access == .readWrite else { throw StoreError.readOnly(file: document.relativePath) }
        if unlink(filePath(document)) != 0 && errno != ENOENT {
            throw StoreError.writeFailed(file: document.relativePath, reason: String(cString: strerror(errno)), nothingChanged: true)
        }
        proven[document.name] = nil
        changeCount += 1
    }

    /// Atomically saves a derived document as `cache/<name>`, with no audit entry.
    func saveCache<T: Encodable>(_ value: T, as name: String) throws {
        try saveUnaudited(value, to: StoreDocumentName(StoreDocumentName.cacheFolder + "/" + name))
    }

    /// Reads a derived document saved by ``saveCache(_:as:)``; nil if there is none.
    func loadCache<T: Decodable>(_ type: T.Type, named name: String) throws -> T? {
        try load(type, from: StoreDocumentName.cacheFolder + "/" + name)
    }

    private func saveUnaudited<T: Encodable>(_ value: T, to document: StoreDocumentName) throws {
        guard document.isUnaudited, let folder = document.folder else { throw StoreError.invalidDocumentName(document.name) }
        guard access == .readWrite else { throw StoreError.readOnly(file: document.relativePath) }
        guard !isClosed else { throw StoreError.closed(directory: path) }
        let data = try encode(value, file: document.relativePath)
        do {
            try StoreFileIO.refuseLinks(below: path, in: (path as NSString).appendingPathComponent(folder))
            _ = try StoreFileIO.makeDirectories((path as NSString).appendingPathComponent(folder))
            try StoreFileIO.replaceAtomically(filePath(document), with: data)
            if document.folder != StoreDocumentName.cacheFolder { changeCount += 1 }  // a cache changes no record
        } catch let failure as StoreAtomicWriteFailure {
            throw Self.storeError(failure.underlying, file: document.relativePath, nothingChanged: !failure.committed)
        } catch {
            throw Self.storeError(error, file: document.relativePath, nothingChanged: true)
        }
    }
}
