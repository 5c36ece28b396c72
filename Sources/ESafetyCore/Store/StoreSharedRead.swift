import Foundation

/// A ``StoreReadAhead`` begun by one thread that others may join: each takes the next few
/// documents nobody has taken yet, so a thread done with its own work (a sign-in) helps to
/// finish the read instead of waiting for it. Nothing of the store's is touched (see
/// ``StoreReadAhead``); the reads come back in the plan's order.
final class StoreSharedRead<T: Decodable>: @unchecked Sendable {  // the state below is under `lock`
    private let plan: StoreReadAhead<T>
    private let lock = NSLock()
    private var names: [String]?
    /// Set once, under the lock, before any document is handed out; only read after.
    private var targets: [StoreReadTarget?] = []
    private var results: [StoreSoundRead?] = []
    private var next = 0
    private var unfinished = 0
    private let finished = DispatchSemaphore(value: 0)
    /// How many documents a thread takes at a time.
    private let share = 32

    init(_ plan: StoreReadAhead<T>) { self.plan = plan }

    /// Lists the documents, then reads them until none is left: for the thread that begins.
    func begin() {
        let (names, targets) = plan.resolve()
        lock.withLock {
            self.names = names
            self.targets = targets
            results = Array(repeating: nil, count: targets.count)
            unfinished = targets.count
        }
        if targets.isEmpty {
            finished.signal()
            return
        }
        work()
    }

    /// Reads documents nobody has taken until none is left (nothing, if they are not listed yet).
    private func work() {
        let decoder = StoreJSON.makeDecoder()
        while true {
            let taken: Range<Int>? = lock.withLock {
                guard names != nil, next < targets.count else { return nil }
                defer { next = min(next + share, targets.count) }
                return next..<min(next + share, targets.count)
            }
            guard let taken else { return }
            let reads = taken.map { plan.read(targets[$0], decoder: decoder) }
            let last = lock.withLock { () -> Bool in
                for (index, read) in zip(taken, reads) { results[index] = read }
                unfinished -= taken.count
                return unfinished == 0
            }
            if last { finished.signal() }
        }
    }

    /// Helps with what is left, then waits for every document to be read (from any thread).
    func reads() -> StoreReadAhead<T>.Reads {
        work()
        finished.wait()
        finished.signal()  // for any other thread waiting too
        return lock.withLock { StoreReadAhead<T>.Reads(storePath: plan.storePath, names: names ?? [], reads: results) }
    }
}
