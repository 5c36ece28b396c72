import Foundation

/// One commit being prepared, handed to the closure of ``Store/commit(actor:action:recordID:summary:_:)``
/// while the commit lock is held: it reads the store as last committed by anyone, and collects
/// the documents to write. When the closure returns, the store writes them all, with one audit
/// entry, or none of them.
///
/// A domain change is written as "read what is there now, apply the change, write it", so a
/// change made by another session a moment before is never written over: it is read and the
/// change is applied on top (a new signature joins the other's), or the closure sees that the
/// record it edits has moved on and throws a ``StoreConflict``.
public final class StoreTransaction {
    /// A document to write (`data`) or to delete (nil). `data` is JSONEncoder's output, or,
    /// when `isRaw`, bytes from elsewhere (a backup) whose `_revision` must be replaced.
    struct Write {
        var document: StoreDocumentName
        var data: Data?
        var isRaw = false
    }

    private unowned let store: Store
    private(set) var writes: [Write] = []
    private(set) var allocations: [String: Int] = [:]
    private(set) var acknowledged: [String] = []
    /// The record changed, for the audit entry (the closure may set it once it knows).
    public var recordID: String?
    /// The sentence for the audit entry (the closure may set it once it knows).
    public var summary: String
    /// True for a restore or an administrator's acceptance: the documents written replace files
    /// that fail their proof (which ordinary commits refuse to write over).
    var overwritesUnproven = false
    /// Signs this commit instead of the store's signer (set-up's first commit is signed by the
    /// new root key).
    var signer: (any StoreSigner)?
    /// False for the upgrade's baseline, which a whole backup precedes.
    var keepsDailyBackups = true

    /// Throws if the document's current file is not the version the log records (before a
    /// compare-and-swap, so that a tampered file is named as such rather than as a conflict).
    func proveCurrent(_ name: String) throws {
        try store.refuseUnlessProven(StoreDocumentName(name))
    }

    init(store: Store, recordID: String?, summary: String) {
        self.store = store
        self.recordID = recordID
        self.summary = summary
    }

    /// The document as last committed (proven against the audit log); nil if there is none.
    public func load<T: Decodable>(_ type: T.Type, from name: String) throws -> T? {
        try store.load(type, from: name)
    }

    /// True when this store's copy of the document (the revision it last read or wrote) is
    /// still the committed one, so a value kept in memory may be used instead of reading again.
    public func isUnchanged(_ name: String) -> Bool {
        store.revision(of: name) == store.committedRevision(of: name)
    }

    /// The committed revision of a document (nil if it does not exist).
    public func revision(of name: String) -> Int? { store.committedRevision(of: name) }

    /// The last entry that changed a document, for telling people who changed it.
    public func lastChange(of name: String) -> AuditEntry? { store.lastChange(of: name) }

    /// Adds a document to write. It is encoded now, so an encoding error stops the commit before
    /// anything is written.
    public func write<T: Encodable>(_ value: T, to name: String) throws {
        let document = try StoreDocumentName(name)
        guard !document.isUnaudited else { throw StoreError.invalidDocumentName(name) }
        let data = try store.encode(value, file: document.relativePath)
        writes.removeAll { $0.document == document }
        writes.append(Write(document: document, data: data))
    }

    /// Adds a document to write as these bytes (a backup being restored): strict JSON objects
    /// only; their `_revision` is set at commit.
    func writeRaw(_ data: Data, to document: StoreDocumentName) throws {
        guard !document.isUnaudited else { throw StoreError.invalidDocumentName(document.name) }
        writes.removeAll { $0.document == document }
        writes.append(Write(document: document, data: data, isRaw: true))
    }

    /// Adds a document to delete. Its name is never given out again (``names(in:)`` keeps it).
    public func delete(_ name: String) throws {
        let document = try StoreDocumentName(name)
        guard !document.isUnaudited else { throw StoreError.invalidDocumentName(name) }
        writes.removeAll { $0.document == document }
        writes.append(Write(document: document, data: nil))
    }

    /// Every document name in `folder` that any entry has named, deleted ones too: what a new
    /// name must not repeat.
    public func names(in folder: String) -> [String] { store.ledgerNames(in: folder) }

    /// The highest `N` of any document `folder/<prefix>N` an entry has named, deleted ones too
    /// (0 if none): cheap however many the folder holds.
    func highestNumber(in folder: String, prefix: String) -> Int { store.highestNumber(in: folder, prefix: prefix) }

    /// True when a document has a file, whatever the log says (a file no entry accounts for
    /// still takes its name).
    public func fileExists(_ name: String) -> Bool {
        guard let document = try? StoreDocumentName(name) else { return false }
        return (try? StoreFileIO.status(store.filePath(document))) != nil
    }

    /// The next number of `counter` ("incident-2026", "person"): one more than any given out
    /// before (recorded in the audit log, so never given twice) and at least `floor`.
    public func allocate(_ counter: String, atLeast floor: Int) -> Int {
        let number = max(store.counter(counter) + 1, allocations[counter].map { $0 + 1 } ?? 0, floor)
        allocations[counter] = number
        return number
    }

    /// The highest number `counter` has given out (0 if none), this commit's included.
    public func highestAllocated(_ counter: String) -> Int { max(store.counter(counter), allocations[counter] ?? 0) }

    /// Marks problems with the log as acknowledged by this commit (an administrator's act).
    func acknowledge(_ keys: [String]) { acknowledged += keys }
}
