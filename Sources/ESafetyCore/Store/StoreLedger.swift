import Crypto
import Foundation

/// What the audit log says the store holds, read line by line and checked as it goes: every
/// document's revision and SHA-256 as its last entry left it, the numbers given out, and any
/// break in the log (a changed, missing or unreadable entry) that no administrator has yet
/// acknowledged.
///
/// The app builds one when it opens (from the anchored copy in `cache/` and the lines after
/// it), keeps it up to date with other sessions' commits, and proves every document it reads
/// against it; `esafety check` builds one from the whole log.
struct StoreLedger: Equatable {
    /// One document as its last entry left it.
    struct DocumentState: Equatable {
        var revision: Int
        /// The SHA-256 of its bytes; nil once deleted.
        var sha256: String?
        /// The entry that last wrote it.
        var sequence: Int
        var isDeleted: Bool { sha256 == nil }
    }

    /// A break in the log, keyed so that an acknowledgement can name it.
    struct LogProblem: Equatable {
        /// E.g. `"changed:57"`, `"lost:101-120"`, `"unreadable:line-12"`.
        var key: String
        var description: String
    }

    /// An acknowledged break, for `check` to list.
    struct Acknowledgement: Equatable {
        var key: String
        var sequence: Int
        var by: AuditActor
        var at: Date
        var reason: String
    }

    private(set) var documents: [String: DocumentState] = [:]
    /// Every document name in each folder, in the order first named (kept with `documents`),
    /// so that ``names(in:)`` costs what the folder holds, not the whole store.
    private var namesByFolder: [String: [String]] = [:]
    private(set) var counters: [String: Int] = [:]
    private(set) var lastSequence = 0
    /// The hash of the last line read, which the next entry must carry.
    private(set) var lastLineHash = StoreAuditLog.hash(Data())
    /// Bytes of the log read so far (whole lines), and how many lines.
    private(set) var offset = 0
    private(set) var lineCount = 0
    /// The last entry read, if any.
    private(set) var lastEntry: AuditEntry?
    /// Breaks found and not acknowledged, oldest first.
    private(set) var problems: [LogProblem] = []
    private(set) var acknowledgements: [Acknowledgement] = []
    /// The last entry that carried a ``AuditEntry/ledgerHash``.
    private(set) var anchorSequence = 0
    private var chainStarted = false
    /// The last line could not be read, so a sequence gap right after it is the same break.
    private var afterUnreadable = false

    /// The document's state, if any entry has named it.
    func state(of document: String) -> DocumentState? { documents[document] }

    /// Every document name an entry has named in `folder` (`"incidents"`), deleted ones too.
    func names(in folder: String) -> [String] { namesByFolder[folder] ?? [] }

    /// Sets a document's state, indexing its name the first time.
    private mutating func set(_ name: String, _ state: DocumentState) {
        if documents.updateValue(state, forKey: name) == nil {
            let folder = name.lastIndex(of: "/").map { String(name[..<$0]) } ?? ""
            namesByFolder[folder, default: []].append(name)
        }
    }

    /// Two ledgers are equal when they say the same; the folder index is only a way in.
    static func == (lhs: StoreLedger, rhs: StoreLedger) -> Bool {
        lhs.documents == rhs.documents && lhs.counters == rhs.counters && lhs.lastSequence == rhs.lastSequence
            && lhs.lastLineHash == rhs.lastLineHash && lhs.offset == rhs.offset && lhs.lineCount == rhs.lineCount
            && lhs.lastEntry == rhs.lastEntry && lhs.problems == rhs.problems && lhs.acknowledgements == rhs.acknowledgements
            && lhs.anchorSequence == rhs.anchorSequence && lhs.chainStarted == rhs.chainStarted
            && lhs.afterUnreadable == rhs.afterUnreadable
    }

    /// The highest number given out by `counter`, 0 if none.
    func counter(_ name: String) -> Int { counters[name] ?? 0 }

    /// Reads one more line of the log.
    mutating func apply(_ line: StoreAuditReader.Line) {
        defer {
            lastLineHash = line.hash
            offset = line.end
            lineCount = line.number
        }
        guard let entry = line.entry else {
            problems.append(LogProblem(key: "unreadable:line-\(line.number)", description: line.problem ?? "line \(line.number) cannot be read"))
            afterUnreadable = true
            return
        }
        let acknowledged = Set(entry.acknowledges ?? [])
        checkSequence(entry, line: line, acknowledged: acknowledged)
        checkChain(entry, line: line)
        afterUnreadable = false
        for key in acknowledged {
            if problems.contains(where: { $0.key == key }) || key.hasPrefix("lost:") || key.hasPrefix("head") {
                acknowledgements.append(Acknowledgement(key: key, sequence: entry.sequence, by: entry.actor, at: entry.at, reason: entry.summary))
            }
        }
        problems.removeAll { acknowledged.contains($0.key) }
        lastSequence = max(lastSequence, entry.sequence)
        lastEntry = entry
        applyChanges(of: entry)
        if entry.ledgerHash != nil { anchorSequence = entry.sequence }
    }

    /// This ledger as it will be once `entry` is read (for the hash an entry anchors).
    func after(_ entry: AuditEntry) -> StoreLedger {
        var copy = self
        copy.applyChanges(of: entry)
        return copy
    }

    private mutating func applyChanges(of entry: AuditEntry) {
        for change in entry.documents ?? [] {
            set(change.document, DocumentState(revision: change.revision, sha256: change.isDeletion ? nil : change.sha256,
                                               sequence: entry.sequence))
        }
        for (name, number) in entry.allocated ?? [:] { counters[name] = max(counters[name] ?? 0, number) }
    }

    private mutating func checkSequence(_ entry: AuditEntry, line: StoreAuditReader.Line, acknowledged: Set<String>) {
        let expected = lastSequence + 1
        guard entry.sequence != expected else { return }
        if entry.sequence > expected {
            let key = "lost:\(expected)-\(entry.sequence - 1)"
            if acknowledged.contains(key) || afterUnreadable && entry.sequence == expected + 1 { return }
            problems.append(LogProblem(key: key, description: "line \(line.number) has sequence number \(entry.sequence) but "
                + "\(expected) was expected after \(lastSequence): entries \(Self.range(expected, entry.sequence - 1)) are missing"))
        } else {
            problems.append(LogProblem(key: "order:line-\(line.number)", description: "line \(line.number) has sequence number "
                + "\(entry.sequence) but \(expected) was expected after \(lastSequence): an entry was copied or added outside esafety"))
        }
    }

    private mutating func checkChain(_ entry: AuditEntry, line: StoreAuditReader.Line) {
        guard let recorded = entry.previousHash else {
            if chainStarted {
                problems.append(LogProblem(key: "unchained:\(entry.sequence)", description: "entry \(entry.sequence) (line \(line.number)) "
                    + "has no hash of the entry before it, though earlier entries do: it was not written by esafety"))
            }
            return
        }
        chainStarted = true
        // A line before that is itself unreadable is reported already.
        guard recorded != lastLineHash, !afterUnreadable else { return }
        let changed = lastEntry.map { "entry \($0.sequence) (line \(lineCount))" } ?? "the start of the log"
        problems.append(LogProblem(key: "changed:\(lastEntry?.sequence ?? 0)", description: "\(changed) was changed after it was "
            + "written: entry \(entry.sequence) (line \(line.number)) records a different hash for it. The audit log has been "
            + "tampered with or damaged; compare it with a backup"))
    }

    /// Notes a break found outside the lines themselves (`audit.head`, a shrunken log).
    mutating func note(_ problem: LogProblem) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// The break an ``note(_:)`` added, if still unacknowledged.
    func problem(_ key: String) -> LogProblem? { problems.first { $0.key == key } }

    static func range(_ first: Int, _ last: Int) -> String { first == last ? "\(first)" : "\(first) to \(last)" }

    // MARK: The anchored copy

    /// The documents and counters as text, one per line in name order: what the snapshot in
    /// `cache/` holds and what ``AuditEntry/ledgerHash`` is the SHA-256 of.
    func canonicalText() -> Data {
        var text = ""
        text.reserveCapacity(documents.count * 110)
        for name in documents.keys.sorted() {
            let state = documents[name]!
            text += "D \(state.revision) \(state.sha256 ?? "-") \(state.sequence) \(name)\n"
        }
        for name in counters.keys.sorted() { text += "C \(counters[name]!) \(name)\n" }
        return Data(text.utf8)
    }

    static func hash(ofCanonical text: Data) -> String { StoreAuditLog.hash(text) }

    /// A ledger from a snapshot's canonical text at `sequence`, as if the log had been read to
    /// `offset`; nil if the text is not in the canonical form.
    static func restored(canonical text: Data, sequence: Int, lineHash: String, offset: Int, lineCount: Int,
                         entry: AuditEntry) -> StoreLedger? {
        var ledger = StoreLedger()
        // "D revision sha256 sequence name" and "C number name", a line each; read as bytes
        // (a store's thousands of lines are read at every opening).
        let read = text.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard end > start else { continue }
                var fields: [String] = []
                var from = start
                let wanted = bytes[start] == UInt8(ascii: "D") ? 5 : 3
                while fields.count < wanted - 1, let space = (from..<end).first(where: { bytes[$0] == 0x20 }) {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<space]), as: UTF8.self))
                    from = space + 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self))
                switch fields.first {
                case "D" where fields.count == 5:
                    guard let revision = Int(fields[1]), let at = Int(fields[3]) else { return false }
                    ledger.set(fields[4], DocumentState(revision: revision, sha256: fields[2] == "-" ? nil : fields[2], sequence: at))
                case "C" where fields.count == 3:
                    guard let number = Int(fields[1]) else { return false }
                    ledger.counters[fields[2]] = number
                default:
                    return false
                }
            }
            return true
        }
        guard read else { return nil }
        ledger.lastSequence = sequence
        ledger.lastLineHash = lineHash
        ledger.offset = offset
        ledger.lineCount = lineCount
        ledger.lastEntry = entry
        ledger.anchorSequence = sequence
        ledger.chainStarted = true
        return ledger
    }
}
