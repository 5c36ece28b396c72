import Foundation
import XCTest
@testable import ESafetyCore

final class StoreLockTests: StoreTestCase {
    func testSecondReadWriteOpenInTheSameProcessIsRefusedNamingTheOwner() throws {
        let first = try makeStore()
        let error = storeError { _ = try Store.open(at: storeURL) }
        guard case let .locked(owner)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(owner.pid, getpid())
        XCTAssertEqual(owner.store, storeURL.path)
        XCTAssertEqual(owner.user, StoreSystemInfo.userName())
        XCTAssertEqual(owner.host, StoreSystemInfo.hostName())
        XCTAssertNotNil(owner.since)
        let message = error!.description
        XCTAssertTrue(message.hasPrefix("The store at \(storeURL.path) is in use by esafety (process \(getpid()), "
                                        + "user \(owner.user!) on host \(owner.host!)) since "), message)
        XCTAssertTrue(message.hasSuffix("Close it there first, or use --read-only to look without changing anything."),
                      message)
        // Creating over it is refused too, and the first store still works.
        XCTAssertNotNil(storeError { _ = try Store.create(at: storeURL) { _ in } })
        try first.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil,
                       summary: "x")
    }

    func testReadOnlyOpenIsAllowedBesideAWriterAndRefusesSaves() throws {
        let writer = try makeStore()
        let reader = try Store.open(at: storeURL, access: .readOnly)
        XCTAssertEqual(reader.access, .readOnly)
        XCTAssertEqual(try reader.load(TestPeople.self, from: "people"), TestPeople.sample)
        let before = try bytes("people.json")
        let error = storeError {
            try reader.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil,
                            summary: "x")
        }
        XCTAssertEqual(error, .readOnly(file: "people.json"))
        XCTAssertTrue(error!.description.contains("read-only") && error!.description.contains("Nothing was changed"))
        XCTAssertEqual(try bytes("people.json"), before)
        // The reader sees the writer's later saves.
        try writer.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil,
                        summary: "x")
        XCTAssertEqual(try reader.load(TestPeople.self, from: "people"), TestPeople(people: []))
        XCTAssertEqual(try reader.auditEntries().last?.action, "people.update")
    }

    func testLockCanBeRetakenAfterCloseAndAfterDeinit() throws {
        let first = try makeStore()
        first.close()
        first.close()  // harmless twice
        XCTAssertEqual(storeError { try first.save(1, to: "x", actor: sam, action: "x", recordID: nil, summary: "") },
                       .closed(directory: storeURL.path))
        var second: Store? = try Store.open(at: storeURL)
        XCTAssertNotNil(second)
        XCTAssertNotNil(storeError { _ = try Store.open(at: storeURL) }, "second is holding it")
        second = nil  // deinit releases
        let third = try Store.open(at: storeURL)
        XCTAssertEqual(try third.load(TestPeople.self, from: "people"), TestPeople.sample)
    }

    func testLockFileNamesTheHolderAndIsClearedOnClose() throws {
        let store = try makeStore()
        let text = String(decoding: try bytes("lock"), as: UTF8.self)
        XCTAssertTrue(text.contains("\"pid\":\(getpid())"), text)
        store.close()
        XCTAssertEqual(try bytes("lock").count, 0)
    }

    /// A lock held by another process is refused; when that process dies the kernel releases it,
    /// so a stale lock file never blocks anyone.
    func testLockHeldByAnotherProcessAndReleasedWhenItDies() throws {
        let flockTool = "/usr/bin/flock"
        guard FileManager.default.isExecutableFile(atPath: flockTool) else { throw XCTSkip("no \(flockTool)") }
        try makeStore().close()
        // Details as another esafety would have written them into the file it holds.
        let other = StoreLockOwner(store: "/elsewhere", program: "esafety 0.1.0", pid: 4242, user: "sam",
                                   host: "office-pc", since: Date(timeIntervalSince1970: 1_800_000_000))
        let details = try StoreJSON.makeLineEncoder().encode(other)

        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: flockTool)
        // --no-fork: `sleep` itself holds the lock, so killing it really releases it. No
        // --nonblock: the loop below takes the lock for a moment each time, and flock must wait.
        holder.arguments = ["--exclusive", "--no-fork", path("lock"), "sleep", "30"]
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        // Wait until the child holds the lock (a read-write open is refused).
        var refusal: StoreError?
        for _ in 0..<200 {
            do {
                try Store.open(at: storeURL).close()
                usleep(10_000)
            } catch let error as StoreError {
                refusal = error
                break
            }
        }
        XCTAssertNotNil(refusal, "the other process never took the lock")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("lock")))  // same inode, in place
        try handle.write(contentsOf: details)
        try handle.close()
        refusal = storeError { _ = try Store.open(at: storeURL) }
        guard case let .locked(owner)? = refusal else { return XCTFail("never locked: \(String(describing: refusal))") }
        XCTAssertEqual(owner.pid, 4242)
        XCTAssertEqual(owner.store, storeURL.path, "the message names the store as this process sees it")
        XCTAssertTrue(refusal!.description.contains("in use by esafety (process 4242, user sam on host office-pc) since "),
                      refusal!.description)
        XCTAssertNoThrow(try Store.open(at: storeURL, access: .readOnly))

        holder.terminate()
        holder.waitUntilExit()
        let store = try Store.open(at: storeURL)
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople.sample)
    }

    func testUnreadableLockDetailsStillGiveAClearMessage() {
        let owner = StoreLockOwner(store: "/x", program: nil, pid: nil, user: nil, host: nil, since: nil)
        XCTAssertEqual(StoreError.locked(owner: owner).description,
                       "The store at /x is in use by another esafety (its details could not be read). "
                       + "Close it there first, or use --read-only to look without changing anything.")
    }
}
