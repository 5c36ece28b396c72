import Foundation

/// Every incident file read ahead on another thread while something slow happens on this one
/// (an export's sign-in, whose passphrase stretching keeps one core busy): each file read,
/// checked to be strict JSON, hashed against the audit log as the store knew it, and decoded as
/// far as it can be without a key. Nothing is opened: the keys come with the session.
///
/// The reading touches no store state (the store plans it, then only files and a copy of its
/// ledger are read). When the records are then read (``Workspace/incidentsReadInFull(readAhead:)``)
/// a file is taken from here only if its bytes are still the ones the log records then; any
/// other (changed since, re-sealed by a key rotation at sign-in, new, damaged) is read again
/// there, with the checks and errors of an ordinary read.
public final class IncidentReadAhead: @unchecked Sendable {  // `taken` only on the thread that takes the reads
    private let read: StoreSharedRead<StoredIncident>
    private var taken: StoreReadAhead<StoredIncident>.Reads?

    /// Starts reading every incident file of the workspace's store on another thread.
    public convenience init(_ workspace: Workspace) throws {
        try self.init(store: workspace.store)
    }

    init(store: Store) throws {
        let read = StoreSharedRead(store.readAhead(StoredIncident.self, inFolder: IncidentLog.folder))  // listed over there too
        self.read = read
        // One thread while the sign-in's scrypt has the other core; the signed-in thread joins it.
        DispatchQueue.global(qos: .userInitiated).async { read.begin() }
    }

    /// What was read, once every file is (this thread helps with what is left, then waits).
    func reads() -> StoreReadAhead<StoredIncident>.Reads? {
        if let taken { return taken }
        taken = read.reads()
        return taken
    }
}
