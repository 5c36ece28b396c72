import Foundation

/// A folder of human-readable JSON documents: the school's data.
///
/// Layout:
/// ```
/// manifest.json          marks the folder as a store and names its format version
/// lock                   held (flock) by the one read-write Store; says who holds it
/// audit.jsonl            append-only log: one AuditEntry per line
/// people.json            a document (any name)
/// incidents/2026.json    a sharded document ("incidents/2026")
/// backups/<time>-v<N>/   copies made before a format upgrade
/// ```
///
/// Guarantees:
/// - Every save is atomic and durable (temporary file, fsync, rename, fsync of the folder):
///   a crash at any moment leaves the last committed version readable.
/// - One writer: a read-write store holds an exclusive lock until ``close()`` (or deinit);
///   a second one, in this process or another, gets ``StoreError/locked(owner:)``.
/// - A file that cannot be read is never overwritten, and a newer format is never touched.
/// - Every save appends one ``AuditEntry``; the log is never rewritten.
/// - Everything is created owner-only (0600 files, 0700 folders), whatever the umask.
///
/// A `Store` is used from one thread (the main actor) and is not `Sendable`.
public final class Store {
    /// The store folder.
    public let directory: URL
    /// Whether this store may save.
    public let access: StoreAccess
    /// The format version this esafety reads and writes.
    public static let formatVersion = 1

    private var lock: StoreLock?
    private(set) var auditLog: StoreAuditLog?
    private var isClosed = false
    private let encoder = StoreJSON.makeEncoder()
    private let decoder = StoreJSON.makeDecoder()
    /// Documents whose current file this store has read successfully or written itself, by
    /// fingerprint: a save skips re-validating the old file when it is still exactly that one.
    private var knownGood: [String: StoreFileFingerprint] = [:]
    /// Files and folders written while ``create(at:seed:)`` runs, removed again if seeding fails.
    private var createdPaths: [String]?

    /// Rises by one after every document or draft this store writes or removes (not a cache,
    /// which changes no record), so that values derived from documents (the home dashboard's
    /// summaries) know when to recompute.
    public private(set) var changeCount = 0

    /// Test hook: runs during every atomic write after the temporary file is synced, before the
    /// rename. Throwing from it simulates a disk error at the worst moment.
    var beforeRenameHook: (() throws -> Void)?
    /// The clock for audit entries and lock files (tests may fix it).
    var now: () -> Date = { Date() }

    private var path: String { directory.path }

    private init(directory: URL, access: StoreAccess, lock: StoreLock?) {
        self.directory = directory
        self.access = access
        self.lock = lock
    }

    deinit { close() }

    // MARK: Opening and creating

    /// True if `directory` holds a `manifest.json` (whether or not it is readable).
    public static func exists(at directory: URL) -> Bool {
        StoreFileIO.isRegularFile(directory.standardizedFileURL.appendingPathComponent(StoreManifest.fileName).path)
    }

    /// Opens an existing store.
    ///
    /// A read-write open takes the store's lock (refused with ``StoreError/locked(owner:)`` if
    /// another store holds it) and upgrades an older format after making a backup. A read-only
    /// open takes no lock and changes nothing.
    /// - Throws: ``StoreError/notAStore(directory:)`` if there is no manifest;
    ///   ``StoreError/corrupt(file:reason:)`` if it is garbled; ``StoreError/newerFormat(file:found:supported:)``.
    public static func open(at directory: URL, access: StoreAccess = .readWrite) throws -> Store {
        try open(at: directory, access: access, migrations: StoreMigration.steps)
    }

    /// ``open(at:access:)`` with a given table of migration steps (for tests of the hook).
    static func open(at directory: URL, access: StoreAccess, migrations: [Int: StoreMigration.Step]) throws -> Store {
        let directory = directory.standardizedFileURL
        let path = directory.path
        // Read the manifest before anything else, so that a missing, garbled or newer one is
        // refused without touching the folder (not even the lock file).
        var manifest = try StoreManifest.read(directory: path)
        if access == .readOnly {
            if manifest.formatVersion < formatVersion {
                throw StoreError.olderFormat(file: StoreManifest.fileName, found: manifest.formatVersion,
                                             supported: formatVersion)
            }
            return Store(directory: directory, access: .readOnly, lock: nil)
        }
        let lock = try StoreLock.acquire(directory: path, now: Date())
        do {
            manifest = try StoreManifest.read(directory: path)  // it may have changed before we held the lock
            var backup: String?
            if manifest.formatVersion < formatVersion {
                backup = try StoreMigration.migrate(directory: path, manifest: manifest, to: formatVersion,
                                                    steps: migrations, now: Date())
            }
            let store = Store(directory: directory, access: .readWrite, lock: lock)
            store.auditLog = try StoreAuditLog(directory: path, create: false)
            try store.recoverInterruptedSaves()  // Store+Recovery.swift: after a crash mid-save
            store.pruneDailyBackups()  // Store+Backups.swift
            if let backup {
                try store.appendAudit(actor: .system, action: "store.migrate", document: "manifest", recordID: nil,
                                      summary: "Upgraded the store from format version \(manifest.formatVersion) "
                                          + "to \(formatVersion); the previous files are in \(backup)")
            }
            return store
        } catch {
            lock.release()
            throw error
        }
    }

    /// Creates a new store in `directory` and returns it open read-write.
    ///
    /// The folder (and any missing parents) is created owner-only if needed; it may already exist
    /// but must not hold store files. The manifest is written and a `store.create` audit entry
    /// appended, then `seed` is called with the open store to save the initial documents. If `seed`
    /// throws, everything this call wrote is removed again and the error is rethrown.
    /// - Throws: ``StoreError/alreadyAStore(directory:file:)``, ``StoreError/locked(owner:)``, write errors.
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
        let lockExisted = StoreFileIO.isRegularFile((path as NSString).appendingPathComponent(StoreLock.fileName))
        let lock: StoreLock
        do {
            lock = try StoreLock.acquire(directory: path, now: Date())
        } catch {
            removeFolders(createdFolders)
            throw error
        }
        let store = Store(directory: directory, access: .readWrite, lock: lock)
        store.createdPaths = createdFolders
        if !lockExisted { store.createdPaths?.append((path as NSString).appendingPathComponent(StoreLock.fileName)) }
        do {
            // Checked again under the lock, in case another esafety created a store meanwhile.
            if let existing = existingStoreFile(in: path) {
                throw StoreError.alreadyAStore(directory: path, file: existing)
            }
            store.createdPaths?.append((path as NSString).appendingPathComponent(StoreManifest.fileName))
            try StoreManifest.new(now: store.now()).write(directory: path)
            store.createdPaths?.append((path as NSString).appendingPathComponent(StoreAuditLog.fileName))
            store.auditLog = try StoreAuditLog(directory: path, create: true)
            try store.appendAudit(actor: .system, action: "store.create", document: "manifest", recordID: nil,
                                  summary: "Created the store (format version \(formatVersion))")
            try seed(store)
        } catch {
            store.undoCreation()
            throw error
        }
        store.createdPaths = nil
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
        lock?.release()
        lock = nil
        isClosed = true
        Self.removeFolders(paths.filter { StoreFileIO.isDirectory($0) })
    }

    private static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// Releases the lock and stops writing. Later loads and saves throw ``StoreError/closed(directory:)``.
    /// Safe to call more than once; also called on deinit.
    public func close() {
        auditLog?.close()
        auditLog = nil
        lock?.release()
        lock = nil
        isClosed = true
    }

    // MARK: Documents

    /// Reads document `name` (`<name>.json`) as a `T`.
    /// - Returns: nil if the document does not exist yet.
    /// - Throws: ``StoreError/corrupt(file:reason:)`` naming the file and the line and column, or the
    ///   field path, if it cannot be decoded; ``StoreError/readFailed(file:reason:)`` for disk errors.
    public func load<T: Decodable>(_ type: T.Type, from name: String) throws -> T? {
        let document = try StoreDocumentName(name)
        guard !isClosed else { throw StoreError.closed(directory: path) }
        let contents: (data: Data, fingerprint: StoreFileFingerprint)?
        do {
            contents = try StoreFileIO.readFile(filePath(document))
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: document.relativePath, reason: failure.reason)
        }
        guard let contents else {
            knownGood[document.name] = nil
            return nil
        }
        // A faster reader for the largest documents (StoreFastDecodable.swift); nil means "ask JSONDecoder".
        if let fast = T.self as? any StoreFastDecodable.Type, let value = fast.fastDecode(contents.data) as? T {
            knownGood[document.name] = contents.fingerprint
            return value
        }
        do {
            let value = try decoder.decode(T.self, from: contents.data)
            knownGood[document.name] = contents.fingerprint
            return value
        } catch {
            knownGood[document.name] = nil
            throw StoreError.corrupt(file: document.relativePath,
                                     reason: StoreJSONDiagnostics.reason(for: error, data: contents.data))
        }
    }

    /// Atomically replaces document `name` with `value`, then appends one audit entry.
    ///
    /// The current file is checked first: if it cannot be read as JSON (or, when `T` is also
    /// `Decodable`, as a `T`), the save is refused with ``StoreError/corrupt(file:reason:)`` and the
    /// file is left exactly as it is. A failed write leaves the old file untouched and no
    /// temporary file behind.
    ///
    /// - Parameters:
    ///   - actor: who is making the change.
    ///   - action: a dotted verb for the log, e.g. `"person.add"`.
    ///   - recordID: the record changed, if one.
    ///   - summary: a sentence for people reading the log.
    /// - Throws: ``StoreError/readOnly(file:)`` on a read-only store, ``StoreError/corrupt(file:reason:)``,
    ///   ``StoreError/encodingFailed(file:reason:)``, ``StoreError/writeFailed(file:reason:nothingChanged:)``,
    ///   ``StoreError/auditFailed(document:reason:)``.
    public func save<T: Encodable>(_ value: T, to name: String, actor: AuditActor, action: String,
                                   recordID: String?, summary: String) throws {
        let document = try StoreDocumentName(name)
        guard access == .readWrite else { throw StoreError.readOnly(file: document.relativePath) }
        guard !isClosed, auditLog != nil else { throw StoreError.closed(directory: path) }
        let target = filePath(document)
        try refuseIfCurrentFileIsUnreadable(document, as: T.self)

        var data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw StoreError.encodingFailed(file: document.relativePath, reason: "\(error)")
        }
        data.append(0x0A)

        if let folder = document.folder {
            do {
                let created = try StoreFileIO.makeDirectories((path as NSString).appendingPathComponent(folder))
                createdPaths?.append(contentsOf: created)
            } catch let failure as StoreIOFailure {
                throw StoreError.writeFailed(file: document.relativePath, reason: failure.reason, nothingChanged: true)
            }
        }
        let existedBefore = StoreFileIO.isRegularFile(target)
        if existedBefore { keepDailyBackup(of: document.relativePath, now: now()) }  // Store+Backups.swift
        markSaving(document)  // Store+Recovery.swift: what to put right if esafety dies mid-save
        defer { clearSaving() }
        do {
            knownGood[document.name] = try StoreFileIO.replaceAtomically(target, with: data,
                                                                         beforeRename: beforeRenameHook)
        } catch let failure as StoreAtomicWriteFailure {
            knownGood[document.name] = nil
            if !failure.committed {
                throw StoreError.writeFailed(file: document.relativePath, reason: failure.underlying.reason,
                                             nothingChanged: true)
            }
            // The new file is in place but may not be durable: still record the change, then report.
            try appendAudit(actor: actor, action: action, document: document.name, recordID: recordID,
                            summary: summary)
            throw StoreError.writeFailed(file: document.relativePath, reason: failure.underlying.reason,
                                         nothingChanged: false)
        } catch let failure as StoreIOFailure {  // from the test hook
            knownGood[document.name] = nil
            throw StoreError.writeFailed(file: document.relativePath, reason: failure.reason, nothingChanged: true)
        }
        if !existedBefore { createdPaths?.append(target) }
        changeCount += 1

        // The audit entry is appended only AFTER the rename has committed the document, so the log
        // never claims a change that did not happen. If esafety dies between the two, the document
        // holds a change with no entry; check() reports it ("was changed at ..., after its last
        // audit entry" or "has no entry in the audit log") by comparing the file's modification
        // time with the document's last entry, so the gap is visible rather than silent.
        try appendAudit(actor: actor, action: action, document: document.name, recordID: recordID, summary: summary)
    }

    /// Records an event that changes no document, such as an export of incident reports, in the
    /// audit log (its document is "-").
    public func recordEvent(actor: AuditActor, action: String, recordID: String?, summary: String) throws {
        guard access == .readWrite else { throw StoreError.readOnly(file: StoreAuditLog.fileName) }
        guard !isClosed, auditLog != nil else { throw StoreError.closed(directory: path) }
        try appendAudit(actor: actor, action: action, document: "-", recordID: recordID, summary: summary)
    }

    /// Atomically saves work in progress as `drafts/<name>`, with no audit entry: a draft is not a
    /// record until it is submitted, and saving one on every key press would bury the log.
    public func saveDraft<T: Encodable>(_ value: T, as name: String) throws {
        try saveUnaudited(value, to: StoreDocumentName(StoreDocumentName.draftsFolder + "/" + name))
    }

    /// Atomically saves a derived document as `cache/<name>`, with no audit entry: it holds
    /// nothing that is not already in the records, and esafety rebuilds it if it is lost.
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
        var data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw StoreError.encodingFailed(file: document.relativePath, reason: "\(error)")
        }
        data.append(0x0A)
        markSaving(document)  // Store+Recovery.swift
        defer { clearSaving() }
        do {
            _ = try StoreFileIO.makeDirectories((path as NSString).appendingPathComponent(folder))
            knownGood[document.name] = try StoreFileIO.replaceAtomically(filePath(document), with: data, beforeRename: beforeRenameHook)
            if document.folder != StoreDocumentName.cacheFolder { changeCount += 1 }  // a cache changes no record
        } catch let failure as StoreAtomicWriteFailure {
            throw StoreError.writeFailed(file: document.relativePath, reason: failure.underlying.reason, nothingChanged: !failure.committed)
        } catch let failure as StoreIOFailure {
            throw StoreError.writeFailed(file: document.relativePath, reason: failure.reason, nothingChanged: true)
        }
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
        knownGood[document.name] = nil
        changeCount += 1
    }

    /// The names of the documents in a folder (`"incidents"` gives `["incidents/2026-0001", …]`),
    /// sorted; temporary files are not listed.
    public func documentNames(in folder: String) throws -> [String] {
        let folderPath = (path as NSString).appendingPathComponent(folder)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folderPath) else { return [] }
        return entries.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { folder + "/" + String($0.dropLast(5)) }
            .sorted()
    }

    /// The stamp of each document in a folder, by document name (`"incidents/2026-0001"`): a
    /// cheap way to tell, without reading them, which documents changed since a derived
    /// document was built. Temporary files are not listed.
    func documentStamps(in folder: String) throws -> [String: StoreFileStamp] {
        var stamps: [String: StoreFileStamp] = [:]
        for name in try documentNames(in: folder) {
            let document = try StoreDocumentName(name)
            do {
                if let stamp = try StoreFileStamp.of(filePath(document)) { stamps[name] = stamp }
            } catch let failure as StoreIOFailure {
                throw StoreError.readFailed(file: document.relativePath, reason: failure.reason)
            }
        }
        return stamps
    }

    /// Appends the next entry to the audit log.
    func appendAudit(actor: AuditActor, action: String, document: String, recordID: String?,
                             summary: String) throws {
        guard let auditLog else { throw StoreError.closed(directory: path) }
        let at = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        let entry = AuditEntry(sequence: auditLog.lastSequence + 1, at: at, actor: actor, action: action,
                               document: document, recordID: recordID, summary: summary,
                               previousHash: auditLog.lastLineHash)
        do {
            try auditLog.append(entry)
            let headPath = (path as NSString).appendingPathComponent(StoreAuditHead.fileName)
            if !StoreFileIO.isRegularFile(headPath) { createdPaths?.append(headPath) }
            try StoreAuditHead(sequence: entry.sequence, hash: auditLog.lastLineHash).write(directory: path)
        } catch let failure as StoreIOFailure {
            throw StoreError.auditFailed(document: document, reason: failure.reason)
        } catch {
            throw StoreError.auditFailed(document: document, reason: "\(error)")
        }
    }

    /// Throws ``StoreError/corrupt(file:reason:)`` if the document's current file exists and cannot
    /// be read, so that a save never replaces data nobody could see. Skipped when the file is still
    /// exactly the version this store last read or wrote (the usual load-then-save case), so that
    /// the cost of a save does not include parsing the old file.
    private func refuseIfCurrentFileIsUnreadable<T>(_ document: StoreDocumentName, as type: T.Type) throws {
        let target = filePath(document)
        let contents: (data: Data, fingerprint: StoreFileFingerprint)?
        do {
            if let known = knownGood[document.name], try StoreFileIO.fingerprint(target) == known { return }
            contents = try StoreFileIO.readFile(target)
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: document.relativePath, reason: failure.reason)
        }
        guard let contents else { return }
        if let problem = StoreJSONDiagnostics.syntaxProblem(in: contents.data) {
            throw StoreError.corrupt(file: document.relativePath, reason: problem)
        }
        if let decodable = T.self as? any Decodable.Type {
            do {
                _ = try decoder.decode(decodable, from: contents.data)
            } catch {
                throw StoreError.corrupt(file: document.relativePath,
                                         reason: StoreJSONDiagnostics.reason(for: error, data: contents.data))
            }
        }
        knownGood[document.name] = contents.fingerprint
    }

    private func filePath(_ document: StoreDocumentName) -> String {
        (path as NSString).appendingPathComponent(document.relativePath)
    }

    // MARK: Audit and checks

    /// Every entry of the audit log, oldest first.
    /// - Throws: ``StoreError/corrupt(file:reason:)`` naming the first line that cannot be read.
    public func auditEntries() throws -> [AuditEntry] {
        let lines: [StoreAuditLine]
        do {
            lines = try StoreAuditLog.readLines(directory: path)
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: StoreAuditLog.fileName, reason: failure.reason)
        }
        return try lines.map { line in
            guard let entry = line.entry else {
                throw StoreError.corrupt(file: StoreAuditLog.fileName, reason: line.problem ?? "line \(line.number)")
            }
            return entry
        }
    }

    /// Checks every file of this store and returns the problems found (empty if none):
    /// a missing, garbled or newer manifest; documents that are not valid JSON; audit lines that
    /// cannot be read or whose sequence numbers are not 1, 2, 3, ...; documents changed after
    /// their last audit entry; temporary files left by interrupted saves; and files or folders
    /// that other users could read. Changes nothing.
    public func check() -> [StoreProblem] {
        Self.check(at: directory)
    }

    /// ``check()`` for a folder that may not open (for example because its manifest is broken).
    public static func check(at directory: URL) -> [StoreProblem] {
        StoreChecker.check(directory: directory.standardizedFileURL.path)
    }
}
