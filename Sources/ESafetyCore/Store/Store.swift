import Foundation

/// A folder of human-readable JSON documents: the school's data, used by any number of esafety
/// sessions at once (the office's app, the lead's app over SSH, a command-line export).
///
/// Layout (details: docs/store-format.md, the protocol: docs/concurrency.md):
/// ```
/// manifest.json          marks the folder as a store and names its format version
/// lock                   the commit lock (flock), held only while a commit writes
/// audit.jsonl            append-only log: one AuditEntry per commit, with each document's
///                        new revision and SHA-256, hash-chained
/// audit.head             the last entry's sequence and hash
/// directory.json         a document; its first member is "_revision"
/// incidents/2026-0001    a document in a folder
/// cache/, drafts/        derived data and work in progress (not audited)
/// backups/               daily copies and copies made before a format upgrade
/// ```
///
/// Guarantees:
/// - **Many sessions.** No lock is held for a session. A commit takes the commit lock for a few
///   milliseconds, reads what others committed meanwhile, and writes its documents as revisions
///   on top of what is there: a save is a compare-and-swap against what it read, and one that
///   lost the race is refused (``StoreError/conflict(_:)``) rather than written over another's.
/// - **Atomic commits.** One user action is one commit: every document it writes, and one audit
///   entry, or nothing. The entry is the commit point; a crash anywhere leaves the last committed
///   state, put right by the next session.
/// - **Every byte accounted for.** Every document read is proven against the log's last entry for
///   it (SHA-256), whatever the file times say; one that fails is named and never written over.
/// - Strict reading: a duplicate key or anything else outside RFC 8259 is refused, naming the
///   file and the line. A newer format is never touched. Files are owner-only.
///
/// A `Store` is used from one thread (the main actor) and is not `Sendable`.
public final class Store {
    /// The store folder.
    public let directory: URL
    /// Whether this store may save.
    public let access: StoreAccess
    /// The format version this esafety reads and writes.
    public static let formatVersion = 2

    var commitLock: StoreCommitLock?
    var auditLog: StoreAuditLog?
    /// What the audit log says the store holds (kept up to date by ``catchUp()``).
    var ledger = StoreLedger()
    /// Documents this store has proven or written, with the stamp and revision of that file.
    var proven: [String: (stamp: StoreFileStamp, revision: Int)] = [:]
    /// The revision of each document as this session last read or wrote it: what a save's
    /// compare-and-swap compares with (nil: a document it has not read, or that did not exist).
    var readRevisions: [String: Int] = [:]
    var isClosed = false
    /// True while ``create(at:seed:)`` holds the commit lock for the whole seeding.
    var holdsLockForCreation = false
    let encoder = StoreJSON.makeEncoder()
    let decoder = StoreJSON.makeDecoder()
    /// Files and folders written while ``create(at:seed:)`` runs, removed again if seeding fails.
    var createdPaths: [String]?
    /// The audit log's device and inode when first read, to tell it being replaced.
    var logIdentity: [UInt64] = []
    /// Bytes after the log's last newline at the last catch-up (a line being written, or torn).
    var lastTornTail = 0
    /// Other sessions' commits not yet taken by ``takeExternalChanges()``.
    var externalChanges: [AuditEntry] = []
    /// The last entries read or written, for naming who made a change.
    var recentEntries: [AuditEntry] = []
    /// Why the last commit could not put its documents in place after it was recorded (nil when
    /// it could); the next commit or opening finishes it.
    public internal(set) var unfinishedCommit: String?
    /// On a read-only store, the documents a commit may still write (with events, which write
    /// none): what records who looked and who failed to sign in. Nil: a read-only store commits nothing.
    public var recordsOnReadOnly: ((String) -> Bool)?
    /// Proves each audit entry as it is read or written (the signatures: see
    /// `AuditSignatureVerifier`), given the line it was read from where there is one; a problem
    /// it names breaks the log, as a changed entry does.
    public var entryCheck: ((AuditEntry, Data?) -> String?)?
    /// The entries read when the store opened (after the anchored ledger), for `entryCheck`.
    var openingTail: [AuditEntry] = []
    /// What the last recovery did (tests).
    var lastRecovery: RecoveryReport?
    /// The sequence of this session's last commit whose step 6 finished (Store+Commit.swift).
    var lastDurableCommit: Int?
    /// Under the commit lock: the bytes of a marker left by a placed commit, which a commit that
    /// fails before its entry puts back (Store+Commit.swift).
    var restingMarker: Data?
    /// ``highestNumber(in:prefix:)``'s memory (Store+Numbering.swift).
    var numberedNames: [String: NumberedNames] = [:]

    /// Rises by one after every commit this store makes, every draft it writes, and every
    /// commit of another session it learns of (``catchUp()``), so that values derived from
    /// documents (the home dashboard's summaries) know when to recompute.
    public internal(set) var changeCount = 0

    /// Test hook: runs during a commit after its documents' temporary files are written and
    /// synced, before the audit entry. Throwing from it simulates a disk error at the worst moment.
    var beforeCommitHook: (() throws -> Void)?
    /// Test hook: runs just after a commit's audit entry is durable, before its documents are put
    /// in place. Throwing from it leaves the commit as a crash there would (for recovery tests).
    var afterCommitPointHook: (() throws -> Void)?
    /// False only for `esafety check`'s reading of the records' contents (read-only), which
    /// reports what is wrong inside documents whatever their proofs (the store check proves them).
    var provesDocuments = true
    /// Who signs this store's commits (the person signed in), if anyone: their key signs every
    /// audit entry, so that `esafety check` can tell an entry esafety wrote for them from one
    /// written by hand. Nil before accounts exist, or when nobody is signed in.
    public var signer: (any StoreSigner)?
    /// How long a commit waits for another session's commit to finish (tests shorten it).
    var commitLockTimeout = StoreCommitLock.defaultTimeout
    /// The clock for audit entries (tests may fix it).
    var now: () -> Date = { Date() }

    var path: String { directory.path }

    private init(directory: URL, access: StoreAccess) {
        self.directory = directory
        self.access = access
    }

    deinit { close() }

    // MARK: Opening and creating

    /// True if `directory` holds a `manifest.json` (whether or not it is readable).
    public static func exists(at directory: URL) -> Bool {
        StoreFileIO.isRegularFile(directory.standardizedFileURL.appendingPathComponent(StoreManifest.fileName).path)
    }

    /// Opens an existing store, alongside any other sessions that have it open.
    ///
    /// The ledger is read (from its anchored copy in `cache/` and the log after it); a read-write
    /// open then finishes any commit a crashed session left half done, and upgrades an older
    /// format after making a backup. A read-only open changes nothing.
    /// - Throws: ``StoreError/notAStore(directory:)`` if there is no manifest;
    ///   ``StoreError/corrupt(file:reason:)`` if it is garbled; ``StoreError/newerFormat(file:found:supported:)``.
    public static func open(at directory: URL, access: StoreAccess = .readWrite) throws -> Store {
        try open(at: directory, access: access, migrations: StoreMigration.steps)
    }

    /// ``open(at:access:)`` with a given table of migration steps (for tests of the hook).
    static func open(at directory: URL, access: StoreAccess, migrations: [Int: StoreMigration.Step]) throws -> Store {
        let directory = directory.standardizedFileURL
        // Read the manifest before anything else, so that a missing, garbled or newer one is
        // refused without touching the folder.
        let manifest = try StoreManifest.read(directory: directory.path)
        if access == .readOnly, manifest.formatVersion < formatVersion {
            throw StoreError.olderFormat(file: StoreManifest.fileName, found: manifest.formatVersion, supported: formatVersion)
        }
        let store = Store(directory: directory, access: access)
        do {
            if access == .readWrite || StoreFileIO.isRegularFile((directory.path as NSString).appendingPathComponent(StoreCommitLock.fileName)) {
                store.commitLock = try StoreCommitLock(directory: directory.path, readOnly: access == .readOnly)
            }
            if access == .readWrite {
                store.auditLog = try StoreAuditLog(directory: directory.path, create: false)
            } else if !StoreFileIO.isRegularFile((directory.path as NSString).appendingPathComponent(StoreAuditLog.fileName)) {
                throw StoreError.missingAuditLog(directory: directory.path)
            }
            try store.loadLedger()  // Store+Ledger.swift
            if access == .readWrite {
                if manifest.formatVersion < formatVersion {
                    try store.upgrade(from: manifest, migrations: migrations)  // Store+Upgrade.swift
                }
                try store.finishInterruptedCommit()  // Store+Recovery.swift
                store.pruneDailyBackups()  // Store+Backups.swift
            }
        } catch {
            store.close()
            throw error
        }
        return store
    }

    /// Creates a new store in `directory` and returns it open read-write.
    ///
    /// The folder (and any missing parents) is created owner-only if needed; it may already exist
    /// but must not hold store files. The manifest is written and a `store.create` entry
    /// committed, then `seed` is called with the open store to commit the initial documents,
    /// holding the commit lock throughout. If `seed` throws, everything this call wrote is
    /// removed again and the error is rethrown.
    /// - Throws: ``StoreError/alreadyAStore(directory:file:)``, write errors.
    public static func create(at directory: URL, seed: (Store) throws -> Void) throws -> Store {
        let directory = directory.standardizedFileURL
        let path = directory.path
        if let existing = existingStoreFile(in: path) {
            throw StoreError.alreadyAStore(directory: path, file: existing)
        }
        let createdFolders: [String]
        do {
            createdFolders = try StoreFileIO.makeDirectories(path)
        } catch let failure as StoreIOFailure {
            throw StoreError.writeFailed(file: path, reason: failure.reason, nothingChanged: true)
        }
        let lockPath = (path as NSString).appendingPathComponent(StoreCommitLock.fileName)
        let lockExisted = StoreFileIO.isRegularFile(lockPath)
        let store = Store(directory: directory, access: .readWrite)
        store.createdPaths = createdFolders + (lockExisted ? [] : [lockPath])
        do {
            let lock = try StoreCommitLock(directory: path, readOnly: false)
            store.commitLock = lock
            try lock.acquire(now: Date())
            store.holdsLockForCreation = true
            // Checked again under the lock, in case another esafety created a store meanwhile.
            if let existing = existingStoreFile(in: path) {
                throw StoreError.alreadyAStore(directory: path, file: existing)
            }
            store.createdPaths?.append((path as NSString).appendingPathComponent(StoreManifest.fileName))
            try StoreManifest.new(now: store.now()).write(directory: path)
            store.createdPaths?.append((path as NSString).appendingPathComponent(StoreAuditLog.fileName))
            store.auditLog = try StoreAuditLog(directory: path, create: true)
            store.createdPaths?.append((path as NSString).appendingPathComponent(StoreAuditHead.fileName))
            store.createdPaths?.append((path as NSString).appendingPathComponent(Store.commitMarkerName))
            try store.recordEvent(actor: .system, action: "store.create", recordID: nil,
                                  summary: "Created the store (format version \(formatVersion))")
            try seed(store)
        } catch {
            store.undoCreation()
            throw error
        }
        store.createdPaths = nil
        store.holdsLockForCreation = false
        store.commitLock?.release()
        return store
    }

    /// The first store file found in `path` (manifest, audit log, or any document), if any.
    private static func existingStoreFile(in path: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if names.contains(StoreManifest.fileName) { return StoreManifest.fileName }
        if names.contains(StoreAuditLog.fileName) { return StoreAuditLog.fileName }
        return names.sorted().first { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
    }

    /// Removes what a failed ``create(at:seed:)`` wrote, newest first, and releases the lock.
    private func undoCreation() {
        auditLog?.close()
        auditLog = nil
        let paths = createdPaths ?? []
        createdPaths = nil
        for created in paths.reversed() where !StoreFileIO.isDirectory(created) {
            unlink(created)
        }
        holdsLockForCreation = false
        commitLock?.close()
        commitLock = nil
        isClosed = true
        for folder in paths.filter({ StoreFileIO.isDirectory($0) }).reversed() { rmdir(folder) }
    }

    /// Stops reading and writing. Later loads and saves throw ``StoreError/closed(directory:)``.
    /// Safe to call more than once; also called on deinit.
    public func close() {
        if !isClosed { clearOwnMarker() }  // Store+Commit.swift
        auditLog?.close()
        auditLog = nil
        commitLock?.close()
        commitLock = nil
        isClosed = true
    }

    // MARK: Documents

    /// Reads document `name` (`<name>.json`) as a `T`, proven against the audit log.
    /// - Returns: nil if the document does not exist.
    /// - Throws: ``StoreError/corrupt(file:reason:)`` naming the file and the line and column, or
    ///   the field path, if it cannot be decoded; ``StoreError/tampered(file:reason:)`` if it does
    ///   not match its last audit entry; ``StoreError/readFailed(file:reason:)`` for disk errors.
    public func load<T: Decodable>(_ type: T.Type, from name: String) throws -> T? {
        let document = try StoreDocumentName(name)
        guard !isClosed else { throw StoreError.closed(directory: path) }
        guard var data = try readProven(document) else {  // Store+Verification.swift
            readRevisions[document.name] = nil
            return nil
        }
        readRevisions[document.name] = proven[document.name]?.revision
        if T.self is any ExpressibleByDictionaryLiteral.Type,
           let range = (try? StoreJSONValidator.validate(data).get())?.revisionValue {
            data = StoreRevision.strip(data, valueRange: range)
        }
        // A faster reader for the largest documents (StoreFastDecodable.swift); nil means "ask JSONDecoder".
        // readProven has found the bytes strict JSON.
        if let fast = T.self as? any StoreFastDecodable.Type, let value = fast.fastDecode(data, validated: true) as? T {
            return value
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            proven[document.name] = nil
            throw StoreError.corrupt(file: document.relativePath, reason: StoreJSONDiagnostics.reason(for: error, data: data))
        }
    }

    /// Commits `value` as document `name`, with one audit entry, if nobody has committed the
    /// document since this store last read or wrote it (a new document: if nobody has created it).
    /// - Throws: ``StoreError/conflict(_:)`` if someone has; the errors of ``commit(actor:action:recordID:summary:_:)``.
    public func save<T: Encodable>(_ value: @autoclosure () throws -> T, to name: String, actor: AuditActor, action: String,
                                   recordID: String?, summary: String) throws {
        try commit(actor: actor, action: action, recordID: recordID, summary: summary) { transaction in
            try transaction.proveCurrent(name)
            guard transaction.isUnchanged(name) else {
                throw StoreError.conflict(StoreConflict(document: name, change: transaction.lastChange(of: name)))
            }
            try transaction.write(try value(), to: name)  // made under the lock, after catching up
        }
    }

    /// Records an event that changes no document, such as an export of incident reports, in the
    /// audit log (its document is "-").
    public func recordEvent(actor: AuditActor, action: String, recordID: String?, summary: String) throws {
        try commit(actor: actor, action: action, recordID: recordID, summary: summary) { _ in }
    }

    /// The revision of a document as this store last read or wrote it (nil if it has not).
    public func revision(of name: String) -> Int? { readRevisions[name] }

    /// The revision the audit log gives a document now (nil if none, or deleted).
    public func committedRevision(of name: String) -> Int? {
        ledger.state(of: name).flatMap { $0.isDeleted ? nil : $0.revision }
    }

    /// The last entry that changed a document, if this store has read it.
    public func lastChange(of name: String) -> AuditEntry? {
        guard let sequence = ledger.state(of: name)?.sequence else { return nil }
        return ledger.lastEntry?.sequence == sequence ? ledger.lastEntry : try? auditEntry(sequence)
    }

    func ledgerNames(in folder: String) -> [String] { ledger.names(in: folder) }

    func counter(_ name: String) -> Int { ledger.counter(name) }

    /// `value` as a document's bytes, before its revision is added: its own writer's bytes where
    /// it has one (``StoreFastEncodable``, the same bytes faster), else `JSONEncoder`'s.
    func encode<T: Encodable>(_ value: T, file: String) throws -> Data {
        if let fast = value as? any StoreFastEncodable, var data = fast.fastEncoded() {
            data.append(0x0A)
            return data
        }
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch {
            throw StoreError.encodingFailed(file: file, reason: "\(error)")
        }
    }

    /// The names of the documents in a folder (`"incidents"` gives `["incidents/2026-0001", …]`),
    /// sorted; temporary files are not listed.
    public func documentNames(in folder: String) throws -> [String] {
        StoreDocumentFiles.names(in: folder, below: path)
    }

    /// The stamp of each document in a folder, by document name (`"incidents/2026-0001"`): a
    /// cheap way to tell, without reading them, which documents changed since a derived
    /// document was built. Temporary files are not listed. The files are stat'ed over the cores
    /// (five thousand incidents at every opening of the log); the first error in name order is thrown.
    func documentStamps(in folder: String) throws -> [String: StoreFileStamp] {
        let documents = try documentNames(in: folder).map { try StoreDocumentName($0) }
        let found = ParallelMap.map(documents.map(filePath)) { path in Result { try StoreFileStamp.of(path) } }
        var stamps: [String: StoreFileStamp] = [:]
        stamps.reserveCapacity(documents.count)
        for (document, stamp) in zip(documents, found) {
            do {
                if let stamp = try stamp.get() { stamps[document.name] = stamp }
            } catch let failure as StoreIOFailure {
                throw StoreError.readFailed(file: document.relativePath, reason: failure.reason)
            }
        }
        return stamps
    }

    func filePath(_ document: StoreDocumentName) -> String { StoreDocumentFiles.path(of: document, below: path) }

    // MARK: Checks

    /// Checks every file of this store and returns the problems found (empty if none): every
    /// document proven against its last audit entry (edited, rolled back, swapped, deleted, or
    /// accounted for by no entry), the log's chain and head, strict JSON, leftovers of
    /// interrupted commits, and files that other users could read. Changes nothing.
    public func check() -> [StoreProblem] {
        Self.check(at: directory)
    }

    /// ``check()``, with the breaks in the log an administrator has acknowledged; with `shapes`,
    /// the documents it names are also decoded as their records from the same read.
    public func checkReport(shapes: StoreShapeCheck? = nil) -> StoreCheckReport {
        StoreChecker.report(directory: directory.path, shapes: shapes)
    }

    /// ``check()`` for a folder that may not open (for example because its manifest is broken).
    public static func check(at directory: URL) -> [StoreProblem] {
        StoreChecker.check(directory: directory.standardizedFileURL.path)
    }
}
