import Foundation

/// The checks behind ``Store/check()``: reads every file, changes nothing, and describes each
/// problem so that IT support can find and fix it.
enum StoreChecker {
    /// All problems with the store in `directory`; empty if it is sound.
    static func check(directory: String) -> [StoreProblem] {
        report(directory: directory).problems
    }

    /// The problems, and the breaks in the log an administrator has acknowledged.
    ///
    /// Other sessions may be committing while it reads (a document renamed into place after
    /// the log was read looks changed), so problems found are looked for again while holding
    /// the commit lock shared, when no commit is half written; only what is still there counts.
    static func report(directory: String, shapes: StoreShapeCheck? = nil) -> StoreCheckReport {
        let first = reportOnce(directory: directory, shapes: shapes)
        guard !first.problems.isEmpty,
              StoreFileIO.isRegularFile((directory as NSString).appendingPathComponent(StoreCommitLock.fileName)),
              let lock = try? StoreCommitLock(directory: directory, readOnly: true) else { return first }
        defer { lock.close() }
        return lock.whileNoCommitIsWritten { reportOnce(directory: directory, shapes: shapes) }
    }

    private static func reportOnce(directory: String, shapes: StoreShapeCheck?) -> StoreCheckReport {
        guard StoreFileIO.isDirectory(directory) else {
            return StoreCheckReport(problems: [StoreProblem(file: directory, problem: "the folder does not exist")], acknowledged: [])
        }
        var problems: [StoreProblem] = []
        let manifestProblems = checkManifest(directory: directory)
        problems += manifestProblems
        problems += checkPermissions(directory: directory)
        let auditPath = (directory as NSString).appendingPathComponent(StoreAuditLog.fileName)
        guard StoreFileIO.isRegularFile(auditPath) else {
            if StoreFileIO.isRegularFile((directory as NSString).appendingPathComponent(StoreManifest.fileName)) {
                problems.append(StoreProblem(file: StoreAuditLog.fileName, problem: "missing: the record of every change to this store "
                    + "is gone; restore it from a backup"))
            }
            return StoreCheckReport(problems: problems, acknowledged: [])
        }
        let history: StoreDocumentProof.History
        do {
            history = try StoreDocumentProof.History(directory: directory)
        } catch {
            problems.append(StoreProblem(file: StoreAuditLog.fileName, problem: "cannot be read: \(Store.reason(error))"))
            return StoreCheckReport(problems: problems, acknowledged: [])
        }
        for problem in history.ledger.problems {
            problems.append(StoreProblem(file: problem.key.hasPrefix("head") ? StoreAuditHead.fileName : StoreAuditLog.fileName,
                                         problem: problem.description))
        }
        let proofs = manifestProblems.isEmpty || history.ledger.documents.count > 0
        var decoded: Set<String> = []
        if proofs {
            let proof = StoreDocumentProof.check(directory: directory, history: history, shapes: shapes)
            problems += proof.problems
            decoded = proof.decoded
        }
        return StoreCheckReport(problems: problems, acknowledged: history.ledger.acknowledgements, auditLines: history.lines, decoded: decoded)
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
            if !relative.isEmpty, info.st_mode & StoreFileIO.typeMask == 0o120000 {
                problems.append(StoreProblem(file: name, problem: "is a symbolic link; a store holds no links, and esafety follows none "
                    + "(nothing written for the store may land outside it). Replace it with the folder or file itself"))
                return
            }
            if mode & 0o077 != 0 {
                let wanted = isFolder ? "0700" : "0600"
                problems.append(StoreProblem(file: name, problem: "can be read or changed by other users "
                    + "(permissions \(octal(mode))); it should be \(wanted), owner only (chmod \(wanted.dropFirst()))"))
            }
            // cache/ is derived, never proven, and safe to delete: a copy a kill stopped half-way
            // there is not a problem (the next read-write opening removes it: Store+Recovery.swift).
            if !relative.isEmpty, !relative.hasPrefix(StoreDocumentName.cacheFolder + "/"),
               StoreFileIO.isTemporaryName((relative as NSString).lastPathComponent) {
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

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
