import Foundation

/// What `check` asks of a document beyond strict JSON, while its first read has the bytes in
/// hand: that they decode as the record its folder holds. The layer that knows the records
/// gives it (``Workspace/shapeCheck``); the store itself knows no record types. A document that
/// passes is not read again by ``Workspace/checkRecords(after:)``; one that fails is, so its
/// message is exactly that of an ordinary read.
public struct StoreShapeCheck: Sendable {
    /// True when `bytes` (the document `name`, as read) decode as the record its folder holds,
    /// as ``Store/load(_:from:)`` decodes it. Called on several threads at once.
    typealias Decodes = @Sendable (_ name: String, _ bytes: Data) -> Bool

    /// By folder (`incidents`, say): the folders whose documents it reads.
    let byFolder: [String: Decodes]

    init(_ byFolder: [String: Decodes]) { self.byFolder = byFolder }

    /// Whether `document`'s bytes, already found strict JSON, decode as its record (nil: not a
    /// document this check reads).
    func check(_ document: StoreDocumentName, bytes: Data) -> Bool? {
        guard let folder = document.folder, let decodes = byFolder[folder] else { return nil }
        return decodes(document.name, bytes)
    }
}
