import Foundation

/// Building the ledger when a store opens, and keeping it up to date with other sessions.
///
/// Reading a long log at every opening would grow with the school's history, so every
/// ``anchorInterval`` entries a commit records the SHA-256 of the whole ledger in its entry
/// (``AuditEntry/ledgerHash``) and leaves the ledger itself in `cache/ledger`. An opening reads
/// that copy, proves it against the entry it names (the line's hash and the ledger hash), and
/// reads only the lines after it. A copy that fails any of this is ignored and the whole log
/// read instead; `esafety check` always reads the whole log.
extension Store {
    static let ledgerSnapshotName = "ledger"
    private static let snapshotHeader = "esafety-ledger 1"

    var auditPath: String { (path as NSString).appendingPathComponent(StoreAuditLog.fileName) }
    private var snapshotPath: String {
        (path as NSString).appendingPathComponent("\(StoreDocumentName.cacheFolder)/\(Self.ledgerSnapshotName)")
    }

    /// Reads the ledger (anchored copy and the lines after it), then checks `audit.head` with no
    /// commit in progress.
    func loadLedger() throws {
        ledger = readLedgerSnapshot() ?? StoreLedger()
        var chunk = try readLogChunk()
        if chunk.size < ledger.offset, ledger.offset > 0 {  // a copy from a longer log: read it all
            ledger = StoreLedger()
            chunk = try readLogChunk()
        }
        openingTail = Array(apply(chunk).suffix(4 * Self.anchorInterval))
        logIdentity = chunk.identity
        // A read-write opening checks audit.head under the commit lock (Store+Recovery.swift).
        guard access == .readOnly else { return }
        let check = { [self] in
            _ = try? catchUp(reportingChanges: false)
            if let problem = StoreAuditHead.problem(StoreAuditHead.read(directory: path), ledger: ledger, committing: readMarker()?.unplacedSequence) {
                ledger.note(problem)
            }
        }
        if let commitLock { commitLock.whileNoCommitIsWritten(check) } else { check() }
    }

    /// Reads what other sessions have committed since this store last looked (cheap when
    /// nothing has: one `fstat`), and returns their entries. The app calls it every second or
    /// so; every commit calls it under the lock first.
    @discardableResult
    public func catchUp() throws -> [AuditEntry] {
        try catchUp(reportingChanges: true)
    }

    @discardableResult
    func catchUp(reportingChanges: Bool) throws -> [AuditEntry] {
        guard !isClosed else { return [] }
        // The usual case, when nobody has committed: one stat, nothing read.
        var info = stat()
        if lstat(auditPath, &info) == 0, Int(info.st_size) == ledger.offset, !logIdentity.isEmpty,
           [UInt64(info.st_dev), UInt64(info.st_ino)] == logIdentity {
            lastTornTail = 0
            return []
        }
        let chunk = try readLogChunk()
        if chunk.identity != logIdentity && !logIdentity.isEmpty {
            ledger.note(StoreLedger.LogProblem(key: "replaced:\(ledger.lastSequence)", description: "\(StoreAuditLog.fileName) was "
                + "replaced by another file while esafety had the store open (after entry \(ledger.lastSequence))"))
        }
        if chunk.size < ledger.offset {
            ledger.note(StoreLedger.LogProblem(key: "shrunk:\(ledger.lastSequence)", description: "\(StoreAuditLog.fileName) became "
                + "shorter while esafety had the store open: entries up to \(ledger.lastSequence) were there, and some were removed"))
            return []
        }
        let entries = apply(chunk)
        lastTornTail = chunk.tornTail
        if reportingChanges && !entries.isEmpty {
            changeCount += 1
            externalChanges += entries
        }
        return entries
    }

    /// Other sessions' commits learnt of since the last call (oldest first), and forgets them:
    /// for the app to refresh what those commits changed.
    public func takeExternalChanges() -> [AuditEntry] {
        defer { externalChanges = [] }
        return externalChanges
    }

    private func readLogChunk() throws -> StoreAuditReader.Chunk {
        do {
            // With the lines' bytes when entries are proven: a signature is proven over its line.
            return try StoreAuditReader.read(path: auditPath, from: ledger.offset, firstLine: ledger.lineCount + 1,
                                             keepingBytes: entryCheck != nil)
        } catch let failure as StoreIOFailure {
            if failure.code == ENOENT { throw StoreError.missingAuditLog(directory: path) }
            throw StoreError.readFailed(file: StoreAuditLog.fileName, reason: failure.reason)
        }
    }

    @discardableResult
    private func apply(_ chunk: StoreAuditReader.Chunk) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for line in chunk.lines {
            ledger.apply(line)
            if let entry = line.entry {
                entries.append(entry)
                recentEntries.append(entry)
                noteEntryProblem(entry, line: line.bytes)
            }
        }
        if recentEntries.count > 128 { recentEntries.removeFirst(recentEntries.count - 64) }
        return entries
    }

    /// Runs `entryCheck` on an entry; a problem breaks the log until acknowledged.
    func noteEntryProblem(_ entry: AuditEntry, line: Data? = nil) {
        guard let problem = entryCheck?(entry, line) else { return }
        noteEntryProblem(entry, problem)
    }

    /// Breaks the log at `entry` for `problem` (found by `entryCheck`, or by proving many at once).
    func noteEntryProblem(_ entry: AuditEntry, _ problem: String) {
        ledger.note(StoreLedger.LogProblem(key: "unsigned:\(entry.sequence)", description: problem))
    }

    // MARK: The anchored copy

    /// Leaves `canonical` (the ledger after the entry just written, which anchors it) in
    /// `cache/ledger`. Best effort: without it the next opening reads more of the log.
    func writeLedgerSnapshot(_ canonical: Data) {
        var text = "\(Self.snapshotHeader)\nsequence \(ledger.lastSequence)\noffset \(ledger.offset)\n"
            + "lines \(ledger.lineCount)\nline-hash \(ledger.lastLineHash)\n\n"
        text.reserveCapacity(text.utf8.count + canonical.count)
        var data = Data(text.utf8)
        data.append(canonical)
        do {
            try StoreFileIO.refuseLinks(below: path, in: (snapshotPath as NSString).deletingLastPathComponent)
            createdPaths?.append(contentsOf: try StoreFileIO.makeDirectories((snapshotPath as NSString).deletingLastPathComponent))
            if createdPaths != nil && !StoreFileIO.isRegularFile(snapshotPath) { createdPaths?.append(snapshotPath) }
            try StoreFileIO.replaceAtomically(snapshotPath, with: data)
        } catch {
            unlink(snapshotPath)
        }
    }

    /// The anchored copy, if it is one: its line is in the log with the hash it records, and
    /// that entry carries the SHA-256 of its documents.
    private func readLedgerSnapshot() -> StoreLedger? {
        guard let contents = try? StoreFileIO.readFile(snapshotPath) else { return nil }
        let data = contents.data
        guard let split = data.range(of: Data("\n\n".utf8)) else { return nil }
        let header = String(decoding: data[..<split.lowerBound], as: UTF8.self).split(separator: "\n").map(String.init)
        guard header.first == Self.snapshotHeader else { return nil }
        var fields: [String: String] = [:]
        for line in header.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard let sequence = fields["sequence"].flatMap(Int.init), let offset = fields["offset"].flatMap(Int.init),
              let lines = fields["lines"].flatMap(Int.init), let lineHash = fields["line-hash"], offset > 0 else { return nil }
        let canonical = Data(data[split.upperBound...])
        guard let line = try? Self.line(endingAt: offset, in: auditPath), StoreAuditLog.hash(line) == lineHash,
              let entry = try? StoreJSON.makeDecoder().decode(AuditEntry.self, from: line), entry.sequence == sequence,
              entry.ledgerHash == StoreLedger.hash(ofCanonical: canonical)
        else { return nil }
        return StoreLedger.restored(canonical: canonical, sequence: sequence, lineHash: lineHash, offset: offset,
                                    lineCount: lines, entry: entry)
    }

    /// The bytes of the log line that ends (with its newline) at byte `end`.
    private static func line(endingAt end: Int, in path: String) throws -> Data? {
        let fd = try StoreFileIO.openForReading(path)
        defer { StoreFileIO.closeDescriptor(fd) }
        let window = min(end, 4 * 1024 * 1024)
        var bytes = [UInt8](repeating: 0, count: window)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, off_t(end - window)) }
        guard count == window, bytes.last == 0x0A else { return nil }
        let body = bytes.dropLast()
        let start = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? (end - window == 0 ? 0 : nil)
        guard let start else { return nil }
        return Data(body[start...])
    }

    // MARK: Reading the log

    /// Every entry of the audit log, oldest first.
    /// - Throws: ``StoreError/corrupt(file:reason:)`` naming the first line that cannot be read.
    public func auditEntries() throws -> [AuditEntry] {
        try readAuditEntries(keepingLines: false).map(\.entry)
    }

    /// Every entry with the bytes of its line, for proving signatures over what was written.
    func auditEntriesWithLines() throws -> [(entry: AuditEntry, line: Data?)] {
        try readAuditEntries(keepingLines: true)
    }

    private func readAuditEntries(keepingLines: Bool) throws -> [(entry: AuditEntry, line: Data?)] {
        let chunk: StoreAuditReader.Chunk
        do {
            chunk = try StoreAuditReader.read(path: auditPath, from: 0, firstLine: 1, keepingBytes: keepingLines)
        } catch let failure as StoreIOFailure {
            throw StoreError.readFailed(file: StoreAuditLog.fileName, reason: failure.reason)
        }
        return try chunk.lines.map { line in
            guard let entry = line.entry else {
                throw StoreError.corrupt(file: StoreAuditLog.fileName, reason: line.problem ?? "line \(line.number)")
            }
            return (entry, line.bytes)
        }
    }

    /// The entry with this sequence number, if the log has one.
    func auditEntry(_ sequence: Int) throws -> AuditEntry? {
        if let recent = recentEntries.last(where: { $0.sequence == sequence }) { return recent }
        return try auditEntries().last { $0.sequence == sequence }
    }
}
