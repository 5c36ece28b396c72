/// An internal error from ``StoreFileIO/replaceAtomically(_:with:beforeRename:)``: what failed,
/// and whether the new file had already replaced the old one when it did.
struct StoreAtomicWriteFailure: Error {
    /// The system call that failed.
    var underlying: StoreIOFailure
    /// True if the rename had happened (only making it durable failed).
    var committed: Bool
}
