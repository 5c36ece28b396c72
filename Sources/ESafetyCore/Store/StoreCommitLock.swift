import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The commit lock: an exclusive `flock` on `<store>/lock`, held only while one commit writes
/// its documents and its audit entry (a few milliseconds), never for a session. Any number of
/// esafety processes keep a store open together; their commits take turns here.
///
/// `flock` belongs to an open file description, so each `Store` opens the file itself and two
/// stores in one process exclude each other as two processes do. The kernel releases the lock
/// when its holder exits, however it exits, so a crashed esafety never blocks anyone. While it
/// holds the lock a process writes its details into the file, so that one kept waiting (by a
/// stopped process, say) can say who has it.
final class StoreCommitLock {
    static let fileName = "lock"
    /// How long a commit waits for the lock before giving up and saying who holds it.
    static let defaultTimeout: TimeInterval = 10

    private var fd: Int32
    private let path: String
    private let directory: String
    private(set) var isHeld = false
    /// The file description the lock is held on: `fd`, or one a queued wait opened.
    private var heldDescriptor: Int32 = -1
    /// Whether this process's details are in the file yet (they do not change, so once will do).
    private var wroteOwner = false

    /// Opens the lock file of the store in `directory` (creating it, unless read-only); takes no lock.
    init(directory: String, readOnly: Bool) throws {
        self.directory = directory
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        if readOnly {
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else {
                throw StoreError.readFailed(file: Self.fileName, reason: StoreIOFailure(operation: "open", path: path, code: errno).reason)
            }
            return
        }
        do {
            fd = try StoreFileIO.openOwnerOnly(path, flags: O_RDWR)
        } catch let failure as StoreIOFailure {
            throw StoreError.writeFailed(file: Self.fileName, reason: failure.reason, nothingChanged: true)
        }
    }

    deinit { close() }

    func close() {
        if isHeld { release() }
        if fd >= 0 { StoreFileIO.closeDescriptor(fd) }
        fd = -1
    }

    /// Takes the lock, waiting up to `timeout`.
    ///
    /// A lock that is free, or freed within a couple of milliseconds, is taken by polling; after
    /// that the wait is queued in the kernel (a blocking `flock` on a file description of its
    /// own, in a thread), which hands the lock on in turn rather than to whoever polls first: with
    /// several sessions saving at once, polling alone let one wait a second while others went by.
    /// - Throws: ``StoreError/busy(owner:)`` naming the holder if it is not released in time.
    func acquire(timeout: TimeInterval = defaultTimeout, now: Date) throws {
        precondition(!isHeld, "the commit lock is not re-entrant")
        guard fd >= 0 else { throw StoreError.closed(directory: directory) }
        for attempt in 0..<20 {
            switch try Self.tryLock(fd, path: path) {
            case true:
                return didAcquire(fd, now: now)
            case false:
                if attempt < 19 { usleep(100) }
            }
        }
        let waiter = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard waiter >= 0 else {
            throw StoreError.writeFailed(file: Self.fileName, reason: StoreIOFailure(operation: "open", path: path, code: errno).reason,
                                         nothingChanged: true)
        }
        let outcome = LockWait()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while flock(waiter, LOCK_EX) != 0 && errno == EINTR {}
            let kept = outcome.state.withLock { state -> Bool in
                guard state == .waiting else { return false }
                state = .acquired
                return true
            }
            if !kept {
                _ = flock(waiter, LOCK_UN)
                StoreFileIO.closeDescriptor(waiter)
            }
            done.signal()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            let acquired = outcome.state.withLock { state -> Bool in
                if state == .acquired { return true }
                state = .abandoned  // the thread lets the lock go again once it has it
                return false
            }
            if !acquired { throw StoreError.busy(owner: readOwner()) }
        }
        didAcquire(waiter, now: now)
    }

    /// Takes the lock only if it is free now; false (not waiting) if another holds it.
    func acquireIfFree(now: Date) -> Bool {
        guard !isHeld, fd >= 0, (try? Self.tryLock(fd, path: path)) == true else { return false }
        didAcquire(fd, now: now)
        return true
    }

    /// A wait queued in the kernel, shared with the thread that waits.
    private final class LockWait: Sendable {
        enum State { case waiting, acquired, abandoned }
        let state = Mutex(State.waiting)
    }

    /// True if the lock was free and is now held on `descriptor`; false if another holds it.
    private static func tryLock(_ descriptor: Int32, path: String) throws -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK || code == EAGAIN { return false }
            throw StoreError.writeFailed(file: fileName, reason: StoreIOFailure(operation: "flock", path: path, code: code).reason,
                                         nothingChanged: true)
        }
        return true
    }

    private func didAcquire(_ descriptor: Int32, now: Date) {
        heldDescriptor = descriptor
        isHeld = true
        // Best effort: the details are only for others' messages; the flock is the lock. They are
        // written at this store's first commit (a file another process wrote since says who that
        // was, which is still the process to ask about if it stops while holding the lock).
        if !wroteOwner, var data = try? StoreJSON.makeLineEncoder().encode(StoreLockOwner.current(store: directory, now: now)) {
            data.append(0x0A)
            if ftruncate(fd, 0) == 0 {
                _ = data.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            }
            wroteOwner = true
        }
    }

    /// Runs `body` holding the lock shared, so that no commit is being written meanwhile: how a
    /// read-only session reads the log and `audit.head` as one. If a commit holds the lock for
    /// longer than `timeout`, `body` runs anyway.
    func whileNoCommitIsWritten<R>(timeout: TimeInterval = defaultTimeout, _ body: () throws -> R) rethrows -> R {
        guard fd >= 0, !isHeld else { return try body() }
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 100
        var locked = true
        while flock(fd, LOCK_SH | LOCK_NB) != 0 {
            guard errno == EINTR || errno == EWOULDBLOCK || errno == EAGAIN, Date() < deadline else { locked = false; break }
            usleep(pause)
            pause = min(pause * 2, 2_000)
        }
        defer { if locked { _ = flock(fd, LOCK_UN) } }
        return try body()
    }

    /// Releases the lock.
    func release() {
        guard isHeld else { return }
        _ = flock(heldDescriptor, LOCK_UN)
        if heldDescriptor != fd { StoreFileIO.closeDescriptor(heldDescriptor) }
        heldDescriptor = -1
        isHeld = false
    }

    /// The holder's details from the lock file; fields are nil if it is empty or unreadable.
    private func readOwner() -> StoreLockOwner {
        let unknown = StoreLockOwner(store: directory, program: nil, pid: nil, user: nil, host: nil, since: nil)
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0, let line = bytes[0..<count].split(separator: 0x0A).first,
              var owner = try? StoreJSON.makeDecoder().decode(StoreLockOwner.self, from: Data(line))
        else { return unknown }
        owner.store = directory
        return owner
    }
}
