/// Why the store could not do what was asked, in words for school office staff and IT support.
///
/// Each ``description`` says which file or folder, what is wrong, what to do, and whether
/// anything was changed.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The folder has no `manifest.json`, so it is not a store (or does not exist).
    case notAStore(directory: String)
    /// ``Store/create(at:seed:)`` found store files already in the folder.
    case alreadyAStore(directory: String, file: String)
    /// The manifest was written by a newer esafety, with a format this one does not understand.
    case newerFormat(file: String, found: Int, supported: Int)
    /// The store uses an older format that must be upgraded, but it was opened read-only.
    case olderFormat(file: String, found: Int, supported: Int)
    /// A file could not be read as what it should be. `reason` gives the line, column or field.
    case corrupt(file: String, reason: String)
    /// Another esafety has held the commit lock for longer than a commit takes.
    case busy(owner: StoreLockOwner)
    /// Another session changed the document after this one read it; nothing was saved.
    case conflict(StoreConflict)
    /// A document does not match its last audit entry: changed, put back, swapped or deleted
    /// outside esafety. esafety will not save over it.
    case tampered(file: String, reason: String)
    /// The audit log has lost or changed entries that no administrator has acknowledged, so
    /// esafety will not add to it.
    case auditLogBroken(problems: [String])
    /// The disk (or the user's quota) is full; nothing was saved.
    case diskFull(file: String)
    /// An acknowledgement was given without a reason.
    case acknowledgementNeedsReason
    /// A save was attempted on a store opened read-only.
    case readOnly(file: String)
    /// The store's audit log (`audit.jsonl`) is missing, so a read-write open was refused.
    case missingAuditLog(directory: String)
    /// A save or load was attempted after ``Store/close()``.
    case closed(directory: String)
    /// A document name that the store cannot use as a file name.
    case invalidDocumentName(String)
    /// The value to save could not be turned into JSON (a bug in esafety, not in the data files).
    case encodingFailed(file: String, reason: String)
    /// The operating system refused to read a file.
    case readFailed(file: String, reason: String)
    /// The operating system refused a write; `nothingChanged` says whether the old file is intact.
    case writeFailed(file: String, reason: String, nothingChanged: Bool)
    /// The document was saved but its audit entry could not be written.
    case auditFailed(document: String, reason: String)
    /// Upgrading an older store format failed; the backup made before it is named.
    case migrationFailed(from: Int, to: Int, backup: String, reason: String)

    /// A message for people: what, where, what to do, and whether anything changed.
    public var description: String {
        switch self {
        case let .notAStore(directory):
            return "There is no esafety store at \(directory) (it has no manifest.json). "
                + "Check the folder name, or create a new store there. Nothing was changed."
        case let .alreadyAStore(directory, file):
            return "The folder \(directory) already holds esafety store files (\(file)), so a new store "
                + "was not created there. Open the existing store instead, or choose an empty folder. "
                + "Nothing was changed."
        case let .newerFormat(file, found, supported):
            return "\(file) says format version \(found), but this esafety understands up to version "
                + "\(supported). Use a newer esafety; nothing was changed."
        case let .olderFormat(file, found, supported):
            return "\(file) says format version \(found); this esafety uses version \(supported) and can "
                + "upgrade it (after making a backup), but the store was opened read-only. Open it "
                + "without --read-only to upgrade it. Nothing was changed."
        case let .corrupt(file, reason):
            return "\(file) cannot be read: \(reason). esafety has not changed it and will not save over it. "
                + "Restore it from a backup, or ask IT support to repair it (it is a plain text file)."
        case let .busy(owner):
            return "The store at \(owner.store) is busy: \(owner) has been saving for longer than a save takes. "
                + "Nothing was saved, and what you typed is kept. Try again in a moment; if this goes on, that "
                + "esafety may have stopped (ask IT support to check the process)."
        case let .conflict(conflict):
            return conflict.description
        case let .tampered(file, reason):
            return "\(file) \(reason). esafety will not save over it. Ask an administrator: `esafety check` names "
                + "every such file, and `esafety restore \(file)` puts back the version the audit log records"
                + (["authority.json", "users.json", "keys.json"].contains(file)
                    ? " (not for accounts and keys, which restore never touches: copy back this revision from a copy of the folder, "
                        + "then run `esafety check`)."
                    : ".")
        case let .auditLogBroken(problems):
            return "The audit log (audit.jsonl) has lost or changed entries: \(problems.joined(separator: "; ")). "
                + "esafety will not add to it until an administrator has looked and acknowledged it "
                + "(`esafety acknowledge --reason TEXT --user NAME`). Nothing was saved."
        case .acknowledgementNeedsReason:
            return "An acknowledgement needs a reason: say what was found and why it is accepted. Nothing was changed."
        case let .diskFull(file):
            return "The disk is full: nothing was saved (\(file) is as it was). Free some space, then try again; "
                + "what you typed is kept."
        case let .readOnly(file):
            return "The store was opened read-only, so \(file) was not saved. Nothing was changed. "
                + "Close esafety and open the store without --read-only to make changes."
        case let .missingAuditLog(directory):
            return "The store at \(directory) has no audit log (audit.jsonl), the record of every change. "
                + "esafety will not start a new history over a lost one. Restore audit.jsonl from a backup, "
                + "or use --read-only to look without changing anything. Nothing was changed."
        case let .closed(directory):
            return "The store at \(directory) has been closed, so nothing more can be read or saved. "
                + "Nothing was changed."
        case let .invalidDocumentName(name):
            return "\"\(name)\" cannot be used as a document name in the store (use letters, digits, "
                + "'-', '_' and '.', with at most one '/'). This is a bug in esafety. Nothing was changed."
        case let .encodingFailed(file, reason):
            return "\(file) could not be saved because the data could not be written as JSON (\(reason)). "
                + "This is a bug in esafety; please report it. Nothing was changed."
        case let .readFailed(file, reason):
            return "\(file) could not be read: \(reason). Check that the disk is working and the "
                + "store folder is reachable. Nothing was changed."
        case let .writeFailed(file, reason, nothingChanged):
            if nothingChanged {
                return "\(file) could not be saved: \(reason). The previous version of the file is "
                    + "untouched; nothing was changed. Check that the disk has space and is working, "
                    + "then try again."
            }
            return "\(file) was saved, but the disk reported a problem making it permanent: \(reason). "
                + "Check that the disk is working, then check the store."
        case let .auditFailed(document, reason):
            return "\(document) was saved, but its entry in the audit log (audit.jsonl) could not be "
                + "written: \(reason). Tell IT support: the change is not in the audit log. Check that "
                + "the disk has space and is working before making more changes."
        case let .migrationFailed(from, to, backup, reason):
            return "The store could not be upgraded from format version \(from) to \(to): \(reason). "
                + "A copy of the store as it was is in \(backup). Ask IT support to restore it from "
                + "there before using this store again."
        }
    }
}
