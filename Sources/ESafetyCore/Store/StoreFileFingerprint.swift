/// Identifies one version of a file cheaply (device, inode, size, modification time), so the
/// store can tell whether a document is still exactly the one it last read or wrote without
/// reading it again.
struct StoreFileFingerprint: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
}
