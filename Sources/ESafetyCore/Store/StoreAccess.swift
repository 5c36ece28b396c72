/// Whether a ``Store`` may change files.
///
/// A read-write store holds the store's lock for as long as it is open, so there is only ever one
/// writer. A read-only store takes no lock, so it can be opened beside a running writer (for
/// example to look at records on a second terminal); every ``Store/save(_:to:actor:action:recordID:summary:)``
/// is refused with ``StoreError/readOnly(file:)``.
public enum StoreAccess: Sendable, Equatable {
    /// Reads and writes; takes the store's exclusive lock.
    case readWrite
    /// Reads only; takes no lock and refuses saves.
    case readOnly
}
