import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files and folders one step of a commit must make durable, synced together: each `fsync`
/// in a thread of its own, all finished before ``sync()`` returns. A commit needs several at
/// each step (the marker, every temporary file and every folder before its entry; the folders
/// and `audit.head` after it), and the disk handles them together in about the time of one,
/// where one after another they were most of the time a commit holds the lock.
///
/// Order within a step does not matter: what matters is that all of a step is durable before
/// the next begins (docs/concurrency.md), and ``sync()`` returns only then.
struct StoreSyncBatch {
    private enum Target {
        case file(String)
        case folder(String)
    }

    private var targets: [Target] = []
    private var folders: Set<String> = []

    /// A regular file whose bytes (and size) must be on disk.
    mutating func file(_ path: String) { targets.append(.file(path)) }

    /// A folder whose list of names must be on disk (once, however often it is named).
    mutating func folder(_ path: String) {
        if folders.insert(path).inserted { targets.append(.folder(path)) }
    }

    var isEmpty: Bool { targets.isEmpty }

    /// Syncs everything named; throws the first failure (by the order named) once all are done.
    func sync() throws {
        guard !targets.isEmpty else { return }
        if targets.count == 1 { return try Self.sync(targets[0]) }
        let failures = Mutex<[Int: Error]>([:])
        let group = DispatchGroup()
        let targets = self.targets
        for index in targets.indices.dropFirst() {
            let target = targets[index]
            group.enter()
            StoreSyncThreads.shared.run {
                do { try Self.sync(target) } catch { failures.withLock { $0[index] = error } }
                group.leave()
            }
        }
        do { try Self.sync(targets[0]) } catch { failures.withLock { $0[0] = error } }
        group.wait()
        if let first = failures.withLock({ $0.min { $0.key < $1.key }?.value }) { throw first }
    }

    private static func sync(_ target: Target) throws {
        switch target {
        case .folder(let path):
            try StoreFileIO.syncDirectory(path)
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw StoreIOFailure(operation: "open", path: path, code: errno) }
            defer { close(fd) }
            try StoreFileIO.sync(fd, path: path)
        }
    }
}

/// A few threads kept for ``StoreSyncBatch``: an `fsync` blocks its thread, and Dispatch's
/// pool is as wide as the cores, so it would run them two at a time on a two-core machine.
final class StoreSyncThreads: Sendable {
    static let shared = StoreSyncThreads(count: 6)

    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let ready = DispatchSemaphore(value: 0)

    private init(count: Int) {
        for _ in 0..<count {
            Thread.detachNewThread { [self] in
                while true {
                    ready.wait()
                    if let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { job() }
                }
            }
        }
    }

    /// Runs `job` on one of the threads, soon.
    func run(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        ready.signal()
    }
}
