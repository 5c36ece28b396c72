import Foundation

/// Identifies one version of a document file for derived documents kept beside the records
/// (the incident index): device, inode, size, and the modification and status-change times to
/// the nanosecond, of the file itself (a symbolic link is followed). The status-change time
/// (ctime) cannot be set back by hand, so on a filesystem with fine timestamps (ext4, xfs,
/// btrfs, APFS) a file edited outside esafety does not keep the stamp of the version the
/// derived document was built from.
struct StoreFileStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var changedSeconds: Int64
    var changedNanoseconds: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
         changedSeconds: Int64, changedNanoseconds: Int64) {
        self.device = device; self.inode = inode; self.size = size
        self.modifiedSeconds = modifiedSeconds; self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds; self.changedNanoseconds = changedNanoseconds
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modifiedSeconds: Int64(modified.tv_sec), modifiedNanoseconds: Int64(modified.tv_nsec),
                  changedSeconds: Int64(changed.tv_sec), changedNanoseconds: Int64(changed.tv_nsec))
    }

    /// The stamp of the file at `path` (following a symbolic link), or nil if there is none.
    static func of(_ path: String) throws -> StoreFileStamp? {
        var info = stat()
        if stat(path, &info) == 0 { return StoreFileStamp(info) }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw StoreIOFailure(operation: "stat", path: path, code: errno)
    }
}
