import Foundation
import XCTest
@testable import ESafetyCore

final class StoreManifestTests: StoreTestCase {
    func testCreateWritesTheManifest() throws {
        let store = try makeStore()
        XCTAssertTrue(Store.exists(at: storeURL))
        XCTAssertEqual(store.directory.path, storeURL.path)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: bytes("manifest.json")) as? [String: Any])
        XCTAssertEqual(object["format"] as? String, "esafety-store")
        XCTAssertEqual(object["formatVersion"] as? Int, 2)
        XCTAssertEqual(object["createdBy"] as? String, "esafety \(ESafetyCoreVersion.version)")
        XCTAssertNotNil(StoreJSON.date(from: object["createdAt"] as? String ?? ""))
        XCTAssertEqual(Store.formatVersion, 2)
    }

    func testNewerFormatIsRefusedAndTheManifestIsUnchanged() throws {
        try makeStore().close()
        let newer = Data("""
            {"createdAt": "2030-01-01T00:00:00Z", "createdBy": "esafety 9", "format": "esafety-store",
             "formatVersion": 9, "somethingNew": {"x": 1}}
            """.utf8)
        try put(newer, at: "manifest.json")
        try put(Data(), at: "lock")
        for access in [StoreAccess.readWrite, .readOnly] {
            let error = storeError { _ = try Store.open(at: storeURL, access: access) }
            XCTAssertEqual(error, .newerFormat(file: "manifest.json", found: 9, supported: 2))
            XCTAssertEqual(error?.description, "manifest.json says format version 9, but this esafety understands "
                           + "up to version 2. Use a newer esafety; nothing was changed.")
        }
        XCTAssertEqual(try bytes("manifest.json"), newer)
        XCTAssertEqual(try bytes("lock"), Data(), "not even the lock file was written")
        XCTAssertTrue(Store.check(at: storeURL).contains { $0.file == "manifest.json" && $0.problem.contains("newer") })
    }

    func testMissingOrGarbledManifestIsAClearError() throws {
        XCTAssertEqual(storeError { _ = try Store.open(at: storeURL) }, .notAStore(directory: storeURL.path))
        XCTAssertFalse(Store.exists(at: storeURL))
        XCTAssertFalse(FileManager.default.fileExists(atPath: storeURL.path), "open does not create the folder")

        try makeStore().close()
        try put(Data("{\"format\": \"esafety-store\", \"formatVersion\": ".utf8), at: "manifest.json")
        guard case .corrupt(file: "manifest.json", let reason)? = storeError({ _ = try Store.open(at: storeURL) })
        else { return XCTFail() }
        XCTAssertTrue(reason.contains("ends too early"), reason)

        try put(Data("{\"format\": \"something-else\", \"formatVersion\": 1}".utf8), at: "manifest.json")
        guard case .corrupt(file: "manifest.json", let other)? = storeError({ _ = try Store.open(at: storeURL) })
        else { return XCTFail() }
        XCTAssertTrue(other.contains("another program"), other)

        try put(Data("{\"format\": \"esafety-store\", \"formatVersion\": \"1\"}".utf8), at: "manifest.json")
        guard case .corrupt(file: "manifest.json", let typed)? = storeError({ _ = try Store.open(at: storeURL) })
        else { return XCTFail() }
        XCTAssertTrue(typed.hasPrefix("at formatVersion:"), typed)
    }

    func testCreateRefusesAFolderWithStoreFilesButAcceptsAnEmptyOne() throws {
        try FileManager.default.createDirectory(at: storeURL, withIntermediateDirectories: true)
        try put(Data("notes".utf8), at: "README.txt")
        let store = try Store.create(at: storeURL) { _ in }
        store.close()
        let error = storeError { _ = try Store.create(at: storeURL) { _ in } }
        XCTAssertEqual(error, .alreadyAStore(directory: storeURL.path, file: "manifest.json"))
        XCTAssertTrue(error!.description.contains("Nothing was changed"))
    }

    func testFailedSeedRemovesWhatCreateWrote() throws {
        struct SeedFailed: Error {}
        let parent = root.appendingPathComponent("new/deeper")
        XCTAssertThrowsError(try Store.create(at: parent) { store in
            try store.save(["n": 1], to: "one", actor: .system, action: "seed", recordID: nil, summary: "")
            try store.save(["n": 2], to: "shard/two", actor: .system, action: "seed", recordID: nil, summary: "")
            throw SeedFailed()
        }) { XCTAssertTrue($0 is SeedFailed) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("new").path))
        // And it can be created again.
        let store = try Store.create(at: parent) { _ in }
        XCTAssertEqual(try store.auditEntries().map(\.action), ["store.create"])
    }

    /// The migration hook: an older store is backed up, stepped up, and the upgrade is audited.
    func testOlderFormatIsBackedUpThenMigrated() throws {
        try makeStore().close()
        var manifest = try StoreManifest.read(directory: storeURL.path)
        manifest.formatVersion = 0
        try manifest.write(directory: storeURL.path)
        let oldPeople = try bytes("people.json")

        XCTAssertEqual(storeError { _ = try Store.open(at: storeURL, access: .readOnly) },
                       .olderFormat(file: "manifest.json", found: 0, supported: Store.formatVersion))
        guard case .corrupt(file: "manifest.json", _)? = storeError({ _ = try Store.open(at: storeURL) }) else {
            return XCTFail("no step from version 0 in the real table")
        }

        let step: StoreMigration.Step = { directory in
            let path = (directory as NSString).appendingPathComponent("people.json")
            _ = try StoreFileIO.replaceAtomically(path, with: Data("{\"people\": []}\n".utf8))
        }
        let store = try Store.open(at: storeURL, access: .readWrite, migrations: [0: step, 1: StoreMigration.steps[1]!])
        XCTAssertEqual(try store.load(TestPeople.self, from: "people"), TestPeople(people: []))
        XCTAssertEqual(try StoreManifest.read(directory: storeURL.path).formatVersion, Store.formatVersion)
        let backups = try FileManager.default.contentsOfDirectory(atPath: path("backups"))
        XCTAssertEqual(backups.count, 1)
        XCTAssertTrue(backups[0].hasSuffix("-v0"), backups[0])
        XCTAssertEqual(try bytes("backups/\(backups[0])/people.json"), oldPeople)
        XCTAssertEqual(mode(path("backups/\(backups[0])")), 0o700)
        XCTAssertEqual(mode(path("backups/\(backups[0])/people.json")), 0o600)
        let last = try XCTUnwrap(store.auditEntries().last)
        XCTAssertEqual(last.action, "store.migrate")
        XCTAssertTrue(last.summary.contains("backups/\(backups[0])"), last.summary)
    }
}
