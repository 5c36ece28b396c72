import Foundation
import XCTest
@testable import ESafetyCore

/// Several sessions on one store: no session lock, compare-and-swap saves, transactions that
/// apply their change on top of another's, numbers never given twice, and the commit lock.
final class StoreConcurrencyTests: StoreTestCase {
    func testTwoReadWriteStoresOpenTogetherAndEachSeesTheOthersSaves() throws {
        let first = try makeStore()
        let second = try Store.open(at: storeURL)
        XCTAssertEqual(try second.load(TestPeople.self, from: "people"), TestPeople.sample)
        try second.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        XCTAssertEqual(try first.load(TestPeople.self, from: "people"), TestPeople(people: []))
        XCTAssertEqual(try first.auditEntries().last?.summary, "Emptied")
        XCTAssertEqual(first.check(), [])
    }

    func testASaveThatLostTheRaceIsRefusedNamingWhoChangedItAndNothingIsWrittenOver() throws {
        let office = try makeStore()
        let lead = try Store.open(at: storeURL)
        _ = try lead.load(TestPeople.self, from: "people")
        let amira = AuditActor(id: "person:P0002", name: "Amira Haddad")
        try lead.save(TestPeople(people: [TestPeople.sample.people[0]]), to: "people", actor: amira, action: "people.update",
                      recordID: nil, summary: "Kept only Zoë")
        let theirs = try bytes("people.json")
        let error = storeError {
            try office.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        }
        guard case .conflict(let conflict)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(conflict.change?.actor, amira)
        XCTAssertTrue(error!.description.hasPrefix("Not saved: Amira Haddad changed people.json at "), error!.description)
        XCTAssertTrue(error!.description.contains("Your typing is kept"), error!.description)
        XCTAssertEqual(try bytes("people.json"), theirs, "the other's change was not written over")
        // Having read the new revision, the office may save on top of it.
        XCTAssertEqual(try office.load(TestPeople.self, from: "people")?.people.count, 1)
        try office.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        XCTAssertEqual(office.check(), [])
    }

    func testACommitsMarkerStaysPlacedUntilTheNextCommitOrItsSessionCloses() throws {
        let office = try makeStore()
        let lead = try Store.open(at: storeURL)
        try office.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        func marker() throws -> CommitMarker? {
            let data = try bytes(Store.commitMarkerName)
            return data.isEmpty ? nil : try JSONDecoder().decode(CommitMarker.self, from: data)
        }
        let placed = try XCTUnwrap(marker(), "left for the next commit to sync before writing its own")
        XCTAssertEqual(placed.placed, true)
        XCTAssertEqual(placed.sequence, try office.auditEntries().last?.sequence)
        XCTAssertEqual(office.check(), [], "a placed marker is not a commit under way")

        _ = try lead.load(TestPeople.self, from: "people")
        try lead.save(TestPeople.sample, to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Refilled")
        XCTAssertEqual(try marker()?.sequence, placed.sequence + 1, "the next commit replaced it with its own")
        XCTAssertNil(lead.lastRecovery?.finishedCommit, "syncing a placed commit's files is not finishing a crashed one")
        office.close()
        XCTAssertEqual(try marker()?.sequence, placed.sequence + 1, "a session empties only its own marker")
        lead.close()
        XCTAssertNil(try marker(), "closing the session that made the last commit empties it")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testAPlacedMarkerDoesNotExcuseADeletedAuditHead() throws {
        let store = try makeStore()
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        XCTAssertTrue(commitUnderWay())
        XCTAssertEqual(unlink(path(StoreAuditHead.fileName)), 0)
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.file == StoreAuditHead.fileName }, "named by check")
        XCTAssertThrowsError(try store.save(TestPeople.sample, to: "people", actor: sam, action: "people.update", recordID: nil,
                                            summary: "Refilled"), "refused by the next commit, not quietly rewritten")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path(StoreAuditHead.fileName)))
    }

    func testTransactionsApplyTheirChangeOnTopOfAnothersSoNeitherIsLost() throws {
        let first = try makeStore()
        let second = try Store.open(at: storeURL)
        func add(_ name: String, in store: Store) throws {
            try store.commit(actor: sam, action: "person.add", summary: "Added \(name)") { transaction in
                var people = try transaction.load(TestPeople.self, from: "people") ?? TestPeople(people: [])
                people.people.append(TestPerson(id: name, name: name, yearGroup: 1, born: nil))
                try transaction.write(people, to: "people")
            }
        }
        try add("a", in: first)
        try add("b", in: second)
        try add("c", in: first)
        XCTAssertEqual(try second.load(TestPeople.self, from: "people")?.people.map(\.id), ["p1", "p2", "a", "b", "c"])
    }

    func testRevisionsCountUpAndAreInTheDocumentAndTheLog() throws {
        let store = try makeStore()
        XCTAssertEqual(store.revision(of: "people"), 1)
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "x")
        XCTAssertEqual(store.revision(of: "people"), 2)
        let text = String(decoding: try bytes("people.json"), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"_revision\" : 2,\n  \"people\" : ["), text)
        let change = try XCTUnwrap(store.auditEntries().last?.documents?.first)
        XCTAssertEqual(change, AuditDocumentChange(document: "people", revision: 2, sha256: StoreAuditLog.hash(try bytes("people.json"))))
    }

    func testNumbersAreGivenOutOnceAcrossStoresAndNamesAreNotReusedAfterADeletion() throws {
        let first = try makeStore()
        let second = try Store.open(at: storeURL)
        var numbers: [Int] = []
        for store in [first, second, first, second] {
            try store.commit(actor: sam, action: "incident.submit") { transaction in
                let number = transaction.allocate("incident-2026", atLeast: 1)
                numbers.append(number)
                try transaction.write(["n": number], to: "incidents/2026-\(number)")
            }
        }
        XCTAssertEqual(numbers, [1, 2, 3, 4])
        try first.commit(actor: sam, action: "incident.delete") { try $0.delete("incidents/2026-4") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("incidents/2026-4.json")))
        try second.commit(actor: sam, action: "incident.submit") { transaction in
            XCTAssertTrue(transaction.names(in: "incidents").contains("incidents/2026-4"), "a deleted name is still taken")
            XCTAssertEqual(transaction.allocate("incident-2026", atLeast: 1), 5)
        }
        XCTAssertEqual(first.check(), [])
    }

    func testACommitWaitsForAnotherAndGivesUpNamingItsHolder() throws {
        let flockTool = "/usr/bin/flock"
        guard FileManager.default.isExecutableFile(atPath: flockTool) else { throw XCTSkip("no \(flockTool)") }
        let store = try makeStore()
        store.commitLockTimeout = 0.3
        let other = StoreLockOwner(store: "/elsewhere", program: "esafety 0.1.0", pid: 4242, user: "sam", host: "office-pc",
                                   since: Date(timeIntervalSince1970: 1_800_000_000))
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: flockTool)
        holder.arguments = ["--exclusive", "--no-fork", path("lock"), "sh", "-c", "echo held; exec sleep 30"]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        XCTAssertEqual(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self), "held\n")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path("lock")))
        try handle.write(contentsOf: try StoreJSON.makeLineEncoder().encode(other) + Data([0x0A]))
        try handle.close()
        let error = storeError {
            try store.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "x")
        }
        guard case .busy(let owner)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(owner.pid, 4242)
        XCTAssertTrue(error!.description.contains("busy: esafety (process 4242, user sam on host office-pc)"), error!.description)
        XCTAssertTrue(error!.description.contains("Nothing was saved"), error!.description)
        holder.terminate()
        holder.waitUntilExit()
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "x")
        XCTAssertEqual(store.check(), [])
    }

    func testReadOnlyOpenRefusesSavesAndSeesOthersCommitsOnCatchingUp() throws {
        let writer = try makeStore()
        let reader = try Store.open(at: storeURL, access: .readOnly)
        XCTAssertEqual(try reader.load(TestPeople.self, from: "people"), TestPeople.sample)
        let before = try bytes("people.json")
        let error = storeError {
            try reader.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "x")
        }
        guard case .readOnly? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(error!.description.contains("read-only") && error!.description.contains("Nothing was changed"))
        XCTAssertEqual(try bytes("people.json"), before)
        try writer.save(TestPeople(people: []), to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Emptied")
        XCTAssertEqual(try reader.catchUp().map(\.summary), ["Emptied"])
        XCTAssertEqual(reader.takeExternalChanges().map(\.summary), ["Emptied"])
        XCTAssertEqual(reader.takeExternalChanges().count, 0)
        XCTAssertEqual(try reader.load(TestPeople.self, from: "people"), TestPeople(people: []))
    }

    func testAMultiDocumentCommitIsAllOrNothing() throws {
        let store = try makeStore()
        let before = try bytes("people.json")
        let entries = try store.auditEntries().count
        store.beforeCommitHook = { throw StoreIOFailure(operation: "write", path: "x", code: EIO) }
        let error = storeError {
            try store.commit(actor: sam, action: "guest.add") { transaction in
                try transaction.write(TestPeople(people: []), to: "people")
                try transaction.write(["signed": true], to: "signatures/a")
            }
        }
        guard case .writeFailed(_, _, nothingChanged: true)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(try bytes("people.json"), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("signatures/a.json")))
        XCTAssertEqual(try store.auditEntries().count, entries)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertFalse(commitUnderWay())
        store.beforeCommitHook = nil
        try store.commit(actor: sam, action: "guest.add", summary: "Both") { transaction in
            try transaction.write(TestPeople(people: []), to: "people")
            try transaction.write(["signed": true], to: "signatures/a")
        }
        XCTAssertEqual(try store.auditEntries().last?.documents?.map(\.document), ["people", "signatures/a"])
        XCTAssertEqual(store.check(), [])
    }

    func testACreateWhileAnotherStoreIsOpenIsRefused() throws {
        let first = try makeStore()
        XCTAssertNotNil(storeError { _ = try Store.create(at: storeURL) { _ in } })
        try first.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "x")
    }

    func testTheLockFileNamesTheLastHolder() throws {
        let store = try makeStore()
        try store.save(TestPeople(people: []), to: "people", actor: sam, action: "x", recordID: nil, summary: "x")
        let text = String(decoding: try bytes("lock"), as: UTF8.self)
        XCTAssertTrue(text.contains("\"pid\":\(getpid())"), text)
    }
}
