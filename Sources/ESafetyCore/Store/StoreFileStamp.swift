import Foundation

/// Identifies one version of a document file for derived documents kept beside the records
/// (the incident index): inode, size, and the modification and status-change times to the
/// nanosecond. The status-change time (ctime) cannot be set back by hand, so a file edited
/// outside esafety never keeps the stamp of the version the derived document was built from.
struct StoreFileStamp: Codable, Sendable, Hashable {
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.inode = inode; self.size = size; self.modified = modified; self.changed = changed
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let modified = info.st_mtimespec, changed = info.st_ctimespec
        #else
        let modified = info.st_mtim, changed = info.st_ctim
        #endif
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        self.modified = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
        self.changed = Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec)
    }
}
