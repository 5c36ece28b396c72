import Foundation

/// `esafety check`'s proof of every document against the whole audit log: each file's SHA-256
/// must be the one its last entry records. When it is not, the log's history says what
/// happened: an older revision put back, two documents swapped, a document deleted, a document
/// no entry accounts for, one newer than the log's end (the log was cut), or bytes edited.
enum StoreDocumentProof {
    /// The whole log read once: the ledger, and every version of every document it records.
    struct History {
        var ledger = StoreLedger()
        /// Every (document, revision, entry) the log gives each SHA-256.
        var versions: [String: [(document: String, revision: Int, sequence: Int, at: Date)]] = [:]
        /// Every entry with its line's bytes, for proving the signatures over the lines this
        /// read (nil if a line is not an entry: the log's own problem is named instead).
        var lines: [(entry: AuditEntry, line: Data?)]?

        init(directory: String) throws {
            let path = (directory as NSString).appendingPathComponent(StoreAuditLog.fileName)
            let chunk = try StoreAuditReader.read(path: path, from: 0, firstLine: 1, keepingBytes: true)
            lines = []
            for line in chunk.lines {
                if let entry = line.entry { lines?.append((entry, line.bytes)) } else { lines = nil }
                ledger.apply(line)
                guard let entry = line.entry else { continue }
                for change in entry.documents ?? [] {
                    guard let sha = change.sha256, !change.isDeletion else { continue }
                    versions[sha, default: []].append((change.document, change.revision, entry.sequence, entry.at))
                }
            }
            if chunk.tornTail > 0 {
                ledger.note(StoreLedger.LogProblem(key: "torn:\(ledger.lastSequence)", description: "the last line is incomplete "
                    + "(\(chunk.tornTail) bytes): esafety stopped while writing an entry, which therefore never committed; the next "
                    + "esafety to open the store read-write removes it"))
            }
            let marker = (try? StoreFileIO.readFile((directory as NSString).appendingPathComponent(Store.commitMarkerName)))
                .flatMap { $0 }.flatMap { try? JSONDecoder().decode(CommitMarker.self, from: $0.data) }
            if let problem = StoreAuditHead.problem(StoreAuditHead.read(directory: directory), ledger: ledger, committing: marker?.unplacedSequence) {
                ledger.note(problem)
            }
        }
    }

    /// The problems, and the documents whose bytes `shapes` found to decode as their records.
    static func check(directory: String, history: History, shapes: StoreShapeCheck? = nil) -> (problems: [StoreProblem], decoded: Set<String>) {
        let ledger = history.ledger
        var problems: [StoreProblem] = []
        var decoded: Set<String> = []
        var seen: Set<String> = []
        var found: [String: String] = [:]  // document → the SHA-256 of its file
        let files = StoreDocumentFiles.list(directory: directory)
        // Each file read, parsed strictly and hashed on its own, over the cores.
        let reads = ParallelMap.map(files) { file in
            FileRead(path: (directory as NSString).appendingPathComponent(file.relativePath), document: file.document, shapes: shapes)
        }
        for (file, read) in zip(files, reads) {
            switch read {
            case .unreadable(let reason, let isLink):
                // A symbolic link is named by the walk of every file (StoreChecker).
                if !isLink { problems.append(StoreProblem(file: file.relativePath, problem: "cannot be read: \(reason)")) }
                if let name = file.document?.name { seen.insert(name) }
            case .gone:
                continue
            case .read(let problem, let sha, let decodes):
                if let problem { problems.append(StoreProblem(file: file.relativePath, problem: problem)) }
                guard let document = file.document, !document.isUnaudited else { continue }
                if decodes == true { decoded.insert(document.name) }
                seen.insert(document.name)
                found[document.name] = sha
            }
        }
        for (name, sha) in found.sorted(by: { $0.key < $1.key }) {
            guard let state = ledger.state(of: name), state.sha256 == sha else {
                problems.append(StoreProblem(file: name + ".json", problem: describe(name, sha: sha, directory: directory, history: history,
                                                                                      found: found)))
                continue
            }
        }
        for (name, state) in ledger.documents.sorted(by: { $0.key < $1.key }) where !state.isDeleted && !seen.contains(name) {
            problems.append(StoreProblem(file: name + ".json", problem: "has been deleted outside esafety: the audit log's entry "
                + "\(state.sequence) says it holds revision \(state.revision). Put it back with `esafety restore \(name).json`"))
        }
        return (problems, decoded)
    }

    /// One document file as `check` reads it.
    private enum FileRead: Sendable {
        case unreadable(reason: String, isLink: Bool)
        case gone
        /// Why it is not strict JSON (if it is not), the SHA-256 of its bytes, and whether they
        /// decode as the record the shape check expects (nil: not asked, or not strict JSON).
        case read(problem: String?, sha256: String, decodes: Bool?)

        init(path: String, document: StoreDocumentName?, shapes: StoreShapeCheck?) {
            do {
                guard let contents = try StoreFileIO.readFile(path) else { self = .gone; return }
                let sha = StoreAuditLog.hash(contents.data)
                let problem = StoreJSONValidator.problem(in: contents.data)
                let decodes = problem == nil ? document.flatMap { shapes?.check($0, bytes: contents.data) } : nil
                self = .read(problem: problem, sha256: sha, decodes: decodes)
            } catch let failure as StoreIOFailure {
                self = .unreadable(reason: failure.reason, isLink: failure.code == ELOOP)
            } catch {
                self = .unreadable(reason: "\(error)", isLink: false)
            }
        }
    }

    private static func describe(_ name: String, sha: String, directory: String, history: History, found: [String: String]) -> String {
        let ledger = history.ledger
        let revision = (try? StoreFileIO.readFile((directory as NSString).appendingPathComponent(name + ".json")))
            .flatMap { $0 }.flatMap { try? StoreJSONValidator.validate($0.data).get() }?.revision
        let versions = history.versions[sha] ?? []
        guard let state = ledger.state(of: name) else {
            if let other = versions.last {
                return "is not accounted for by any entry, but holds the contents of \(other.document).json revision \(other.revision) "
                    + "(entry \(other.sequence)): a copy made outside esafety"
            }
            return "is not accounted for by any entry of the audit log: it was not written by esafety"
                + (revision.map { ", or the end of the log was cut off (it says revision \($0))" } ?? "")
        }
        if state.isDeleted {
            return "was deleted by the audit log's entry \(state.sequence), but a file is there again"
        }
        let which = "the audit log's entry \(state.sequence) says revision \(state.revision)"
        if let older = versions.last(where: { $0.document == name }) {
            return "was rolled back: it is revision \(older.revision) (from entry \(older.sequence), \(StoreJSON.string(from: older.at))), "
                + "but \(which). An older copy was put back in its place; `esafety restore` or the lead's own copy can put the "
                + "current one back"
        }
        if let other = versions.last(where: { $0.document != name }) {
            let swapped = found[other.document] == state.sha256
            return (swapped ? "was swapped with \(other.document).json: it " : "")
                + "holds the contents of \(other.document).json revision \(other.revision) (entry \(other.sequence)), but \(which)"
        }
        if let revision, revision > state.revision {
            return "says revision \(revision), newer than the audit log's last entry for it (entry \(state.sequence), revision "
                + "\(state.revision)): entries were cut from the end of the log"
        }
        return "was changed outside esafety: its bytes do not match its last audit entry (\(which), SHA-256 "
            + "\(state.sha256?.prefix(12) ?? "")…, the file's is \(sha.prefix(12))…)"
    }
}

/// What ``Store/checkReport()`` found: the problems, and the breaks in the audit log that an
/// administrator has acknowledged (shown, but no longer problems).
public struct StoreCheckReport: Sendable {
    public var problems: [StoreProblem]
    /// Each acknowledged break: its key, the acknowledging entry, who, when and why.
    public var acknowledged: [(key: String, sequence: Int, by: AuditActor, at: Date, reason: String)]
    /// The log's entries as this check read them, with their lines (nil if it could not).
    var auditLines: [(entry: AuditEntry, line: Data?)]?
    /// The documents whose bytes, as this check read them, decoded as their records (see
    /// ``StoreShapeCheck``): ``Workspace/checkRecords(after:)`` does not read them again.
    var decoded: Set<String>

    init(problems: [StoreProblem], acknowledged: [StoreLedger.Acknowledgement], auditLines: [(entry: AuditEntry, line: Data?)]? = nil,
         decoded: Set<String> = []) {
        self.problems = problems
        self.acknowledged = acknowledged.map { ($0.key, $0.sequence, $0.by, $0.at, $0.reason) }
        self.auditLines = auditLines
        self.decoded = decoded
    }
}
