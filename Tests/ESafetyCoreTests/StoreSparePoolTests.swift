import Foundation
import XCTest
@testable import ESafetyCore

/// The spare pool (StoreSparePool.swift): a commit writes into an emptied file and exchanges it
/// with the document, so saving an existing document makes and frees no inode; old bytes never
/// stay in the pool; and nothing planted in the pool is written through.
final class StoreSparePoolTests: StoreTestCase {
    private func inode(_ relative: String) throws -> UInt64 {
        var info = stat()
        XCTAssertEqual(lstat(path(relative), &info), 0, relative)
        return UInt64(info.st_ino)
    }

    private func spares() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(StoreSparePool.folderName))) ?? []).sorted()
    }

    private func saveSample(_ store: Store, dropping count: Int) throws {
        var changed = TestPeople.sample
        changed.people.removeLast(count)
        try store.save(changed, to: "people", actor: sam, action: "people.update", recordID: nil, summary: "Changed the people")
    }

    func testSavingAnExistingDocumentReusesItsOldFileAndLeavesNoOldBytes() throws {
        let store = try makeStore()
        defer { store.close() }
        let first = try inode("people.json")
        try saveSample(store, dropping: 1)
        XCTAssertNotEqual(try inode("people.json"), first, "the new bytes are in another file")
        XCTAssertEqual(spares(), ["spare-0"], "the old file went to the pool")
        XCTAssertEqual(try bytes(StoreSparePool.folderName + "/spare-0").count, 0, "emptied: the old bytes do not stay")

        try saveSample(store, dropping: 2)
        XCTAssertEqual(try inode("people.json"), first, "the next save wrote into the spare: no new file")
        XCTAssertEqual(spares(), ["spare-0"])
        XCTAssertEqual(try bytes(StoreSparePool.folderName + "/spare-0").count, 0)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertEqual(Store.check(at: storeURL), [])
        XCTAssertEqual(try store.load(TestPeople.self, from: "people")?.people.count, TestPeople.sample.people.count - 2)
    }

    func testAHardLinkPlantedInThePoolIsNeverWrittenThrough() throws {
        let store = try makeStore()
        defer { store.close() }
        try saveSample(store, dropping: 1)  // the pool exists now
        let victim = root.appendingPathComponent("outside.txt").path
        try Data("not the store's".utf8).write(to: URL(fileURLWithPath: victim))
        XCTAssertEqual(chmod(victim, 0o600), 0)
        try FileManager.default.removeItem(atPath: path(StoreSparePool.folderName + "/spare-0"))
        XCTAssertEqual(link(victim, path(StoreSparePool.folderName + "/spare-0")), 0)
        let manifest = try bytes("manifest.json")
        XCTAssertEqual(link(path("manifest.json"), path(StoreSparePool.folderName + "/spare-1")), 0)

        try saveSample(store, dropping: 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: victim)), Data("not the store's".utf8))
        XCTAssertEqual(try bytes("manifest.json"), manifest)
        XCTAssertEqual(Store.check(at: storeURL), [])
    }

    func testASymbolicLinkForThePoolIsNotFollowed() throws {
        let store = try makeStore()
        defer { store.close() }
        let outside = root.appendingPathComponent("elsewhere").path
        XCTAssertEqual(mkdir(outside, 0o700), 0)
        let planted = outside + "/spare-0"
        try Data("outside".utf8).write(to: URL(fileURLWithPath: planted))
        XCTAssertEqual(chmod(planted, 0o600), 0)
        try FileManager.default.createDirectory(atPath: path(StoreDocumentName.cacheFolder), withIntermediateDirectories: true)
        XCTAssertEqual(symlink(outside, path(StoreSparePool.folderName)), 0)

        try saveSample(store, dropping: 1)
        try saveSample(store, dropping: 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: planted)), Data("outside".utf8), "nothing taken from or written out of the store")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), ["spare-0"], "no old file put outside the store")
        XCTAssertEqual(try store.load(TestPeople.self, from: "people")?.people.count, TestPeople.sample.people.count - 2)
    }

    func testAStoreStoppedAfterTheExchangeIsFinishedByTheNextOpening() throws {
        var store: Store? = try makeStore()
        try saveSample(store!, dropping: 1)
        struct Died: Error {}
        store?.afterCommitPointHook = { throw Died() }
        XCTAssertThrowsError(try saveSample(store!, dropping: 2))
        store = nil
        // As if killed just after the exchange: the document holds the new bytes, its
        // temporary name the old ones.
        let temporary = try XCTUnwrap(temporaryFiles().first)
        let newBytes = try bytes(temporary)
        XCTAssertTrue(StoreSparePool.exchange(path(temporary), path("people.json")))
        XCTAssertTrue(commitUnderWay())

        let reopened = try Store.open(at: storeURL)
        defer { reopened.close() }
        XCTAssertEqual(reopened.lastRecovery?.finishedCommit, 4)
        XCTAssertEqual(temporaryFiles(), [])
        XCTAssertEqual(try bytes("people.json"), newBytes)
        XCTAssertEqual(try bytes(StoreSparePool.folderName + "/spare-0").count, 0, "the old bytes were emptied into the pool")
        XCTAssertEqual(Store.check(at: storeURL), [])
    }
}
