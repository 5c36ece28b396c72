import Foundation

/// The checks behind ``Store/check()``: reads every file, changes nothing, and describes each
/// problem so that IT support can find and fix it.
enum StoreChecker {
    /// All problems with the store in `directory`; empty if it is sound.
    static func check(directory: String) -> [StoreProblem] {
        guard StoreFileIO.isDirectory(directory) else {
            return [StoreProblem(file: directory, problem: "the folder does not exist")]
        }
        var problems: [StoreProblem] = []
        problems += checkManifest(directory: directory)
        problems += checkPermissions(directory: directory)
        let documents = documentFiles(directory: directory, problems: &problems)
        let (auditProblems, lastChange) = checkAuditLog(directory: directory)
        problems += auditProblems
        if let lastChange {
            problems += checkDocumentsAgainstAudit(directory: directory, documents: documents, lastChange: lastChange)
        }
        return problems
    }

    private static func checkManifest(directory: String) -> [StoreProblem] {
        let file = StoreManifest.fileName
        do {
            let manifest = try StoreManifest.read(directory: directory)
            if manifest.formatVersion < Store.formatVersion {
                return [StoreProblem(file: file, problem: "format version \(manifest.formatVersion) is older than "
                    + "this esafety's \(Store.formatVersion); opening the store read-write will upgrade it")]
            }
            return []
        } catch let error as StoreError {
            switch error {
            case .notAStore:
                return [StoreProblem(file: file, problem: "missing, so this folder is not an esafety store")]
            case let .newerFormat(_, found, supported):
                return [StoreProblem(file: file, problem: "format version \(found) is newer than this esafety "
                    + "understands (up to \(supported)); use a newer esafety")]
            case let .corrupt(_, reason), let .readFailed(_, reason):
                return [StoreProblem(file: file, problem: reason)]
            default:
                return [StoreProblem(file: file, problem: error.description)]
            }
        } catch {
            return [StoreProblem(file: file, problem: "\(error)")]
        }
    }

    /// Every file and folder must be owner-only; temporary files mean an interrupted save.
    private static func checkPermissions(directory: String) -> [StoreProblem] {
        var problems: [StoreProblem] = []
        func visit(_ path: String, relative: String) {
            guard let info = try? StoreFileIO.status(path) else { return }
            let mode = info.st_mode & 0o7777
            let isFolder = info.st_mode & StoreFileIO.typeMask == StoreFileIO.directoryType
            let name = relative.isEmpty ? directory : relative
            if mode & 0o077 != 0 {
                let wanted = isFolder ? "0700" : "0600"
                problems.append(StoreProblem(file: name, problem: "can be read or changed by other users "
                    + "(permissions \(octal(mode))); it should be \(wanted), owner only (chmod \(wanted.dropFirst()))"))
            }
            if !relative.isEmpty, StoreFileIO.isTemporaryName((relative as NSString).lastPathComponent) {
                problems.append(StoreProblem(file: name, problem: "a temporary file left by a save that did not "
                    + "finish; the document it was replacing is intact. It can be deleted when no esafety is running"))
            }
            guard isFolder else { return }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for child in names.sorted() {
                visit((path as NSString).appendingPathComponent(child),
                      relative: relative.isEmpty ? child : "\(relative)/\(child)")
            }
        }
        visit(directory, relative: "")
        return problems
    }

    /// The document files (top level and one folder down, not backups), each checked to be JSON.
    private static func documentFiles(directory: String, problems: inout [StoreProblem]) -> [StoreDocumentName] {
        var documents: [StoreDocumentName] = []
        var candidates: [String] = []
        let top = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in top.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            if StoreFileIO.isDirectory(path), name != StoreMigration.backupsFolder {
                let inner = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                candidates += inner.sorted().filter { !$0.hasPrefix(".") }.map { "\(name)/\($0)" }
            } else {
                candidates.append(name)
            }
        }
        for relative in candidates where relative.hasSuffix(".json") {
            let path = (directory as NSString).appendingPathComponent(relative)
            guard StoreFileIO.isRegularFile(path) else { continue }
            do {
                guard let contents = try StoreFileIO.readFile(path) else { continue }
                if let problem = StoreJSONDiagnostics.syntaxProblem(in: contents.data) {
                    if relative != StoreManifest.fileName {  // already reported by checkManifest
                        problems.append(StoreProblem(file: relative, problem: problem))
                    }
                }
            } catch let failure as StoreIOFailure {
                problems.append(StoreProblem(file: relative, problem: "cannot be read: \(failure.reason)"))
            } catch {
                problems.append(StoreProblem(file: relative, problem: "cannot be read: \(error)"))
            }
            if let document = StoreDocumentName.fromRelativePath(relative) { documents.append(document) }
        }
        return documents
    }

    /// Each line must be an entry, numbered 1, 2, 3, ... Returns the problems and, if the log
    /// could be read, the time of the last entry for each document.
    private static func checkAuditLog(directory: String) -> ([StoreProblem], [String: Date]?) {
        let file = StoreAuditLog.fileName
        let lines: [StoreAuditLine]
        do {
            lines = try StoreAuditLog.readLines(directory: directory)
        } catch let failure as StoreIOFailure {
            return ([StoreProblem(file: file, problem: "cannot be read: \(failure.reason)")], nil)
        } catch {
            return ([StoreProblem(file: file, problem: "cannot be read: \(error)")], nil)
        }
        if !StoreFileIO.isRegularFile((directory as NSString).appendingPathComponent(file)) {
            guard StoreFileIO.isRegularFile((directory as NSString).appendingPathComponent(StoreManifest.fileName))
            else { return ([], nil) }  // not a store at all: the manifest problem says so
            return ([StoreProblem(file: file, problem: "missing: the record of every change to this store is gone; "
                + "restore it from a backup")], nil)
        }
        var problems: [StoreProblem] = []
        var lastChange: [String: Date] = [:]
        var previous = 0
        var previousLineHash = StoreAuditLog.hash(Data())
        var previousLine: StoreAuditLine?
        var chainStarted = false
        for auditLine in lines {
            defer { previousLineHash = auditLine.hash; previousLine = auditLine }
            let line = auditLine.number
            switch auditLine.entry {
            case nil:
                problems.append(StoreProblem(file: file, problem: auditLine.problem ?? "line \(line) cannot be read"))
            case let entry?:
                if entry.sequence != previous + 1 {
                    problems.append(StoreProblem(file: file, problem: "line \(line) has sequence number "
                        + "\(entry.sequence) but \(previous + 1) was expected after \(previous)"
                        + (entry.sequence > previous + 1 ? " (entries may be missing)" : "")))
                }
                previous = entry.sequence
                lastChange[entry.document] = max(lastChange[entry.document] ?? entry.at, entry.at)
                // The hash chain: each entry records the hash of the line before it, so a line
                // changed after it was written no longer matches what the next entry says.
                if let recorded = entry.previousHash {
                    chainStarted = true
                    // A line before that is itself unreadable is reported already.
                    if recorded != previousLineHash, previousLine == nil || previousLine?.entry != nil {
                        let changed = previousLine.map { before in
                            "entry \(before.entry.map { String($0.sequence) } ?? "?") (line \(before.number))"
                        } ?? "the start of the log"
                        problems.append(StoreProblem(file: file, problem: "\(changed) was changed after it was written: "
                            + "entry \(entry.sequence) (line \(line)) records a different hash for it. The audit log "
                            + "has been tampered with or damaged; compare it with a backup"))
                    }
                } else if chainStarted {
                    problems.append(StoreProblem(file: file, problem: "entry \(entry.sequence) (line \(line)) has no "
                        + "hash of the entry before it, though earlier entries do: it was not written by esafety"))
                }
            }
        }
        problems += checkAuditHead(directory: directory, lines: lines)
        return (problems, lastChange)
    }

    /// The last entry has no entry after it to carry its hash, so `audit.head` keeps the hash of
    /// the last line written. A head one entry behind is a crash between the two writes, not
    /// tampering.
    private static func checkAuditHead(directory: String, lines: [StoreAuditLine]) -> [StoreProblem] {
        guard let head = StoreAuditHead.read(directory: directory), let last = lines.last, let entry = last.entry else { return [] }
        if head.sequence == entry.sequence && head.hash == last.hash { return [] }
        if head.sequence == entry.sequence {
            return [StoreProblem(file: StoreAuditLog.fileName, problem: "entry \(entry.sequence) (line \(last.number)) was changed after it "
                + "was written: \(StoreAuditHead.fileName) records a different hash for it. The audit log has been tampered with "
                + "or damaged; compare it with a backup")]
        }
        // A head behind the log is a crash between an entry and its head (the next read-write
        // opening brings it up to date); it must still match the line it names.
        if head.sequence < entry.sequence, let named = lines.first(where: { $0.entry?.sequence == head.sequence }) {
            if named.hash == head.hash { return [] }
            return [StoreProblem(file: StoreAuditLog.fileName, problem: "entry \(head.sequence) (line \(named.number)) was changed after it "
                + "was written: \(StoreAuditHead.fileName) records a different hash for it. The audit log has been tampered with "
                + "or damaged; compare it with a backup")]
        }
        return [StoreProblem(file: StoreAuditHead.fileName, problem: "says the log ends at entry \(head.sequence), but it ends at "
            + "entry \(entry.sequence): entries were added or removed outside esafety")]
    }

    /// A document changed after its last audit entry means a change that is not in the log:
    /// either esafety stopped between committing the document and appending the entry (see
    /// ``Store/save(_:to:actor:action:recordID:summary:)``), or the file was edited outside esafety.
    private static func checkDocumentsAgainstAudit(directory: String, documents: [StoreDocumentName],
                                                   lastChange: [String: Date]) -> [StoreProblem] {
        var problems: [StoreProblem] = []
        for document in documents where !document.isUnaudited {
            let path = (directory as NSString).appendingPathComponent(document.relativePath)
            guard let fingerprint = try? StoreFileIO.fingerprint(path) else { continue }
            let modified = Date(timeIntervalSince1970: Double(fingerprint.modifiedSeconds))
            guard let logged = lastChange[document.name] else {
                problems.append(StoreProblem(file: document.relativePath, problem: "has no entry in the audit log "
                    + "(audit.jsonl): it was not written by esafety, or esafety stopped before recording it"))
                continue
            }
            if modified > logged {
                problems.append(StoreProblem(file: document.relativePath, problem: "was changed at "
                    + "\(StoreJSON.string(from: modified)), after its last audit entry (\(StoreJSON.string(from: logged))): "
                    + "esafety may have stopped between saving it and recording the change, or it was edited "
                    + "outside esafety. Review the document; the change is not in the audit log"))
            }
        }
        return problems
    }

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
