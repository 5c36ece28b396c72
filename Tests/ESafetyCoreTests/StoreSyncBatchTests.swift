@testable import ESafetyCore
import XCTest

/// The commit's batched fsyncs: everything named is synced, and a failure is reported, not lost.
final class StoreSyncBatchTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testFilesAndFoldersSyncTogether() throws {
        var batch = StoreSyncBatch()
        XCTAssertTrue(batch.isEmpty)
        for index in 0..<8 {
            let path = folder.appendingPathComponent("f\(index)").path
            try StoreFileIO.writeOwnerOnly(path, Data("file \(index)".utf8))
            batch.file(path)
        }
        batch.folder(folder.path)
        batch.folder(folder.path)  // named twice, synced once
        try batch.sync()
        XCTAssertFalse(batch.isEmpty)
    }

    func testAFailureAnywhereInTheBatchIsThrownNamingItsFile() throws {
        var batch = StoreSyncBatch()
        let present = folder.appendingPathComponent("present").path
        try StoreFileIO.writeOwnerOnly(present, Data("x".utf8))
        batch.file(present)
        batch.file(folder.appendingPathComponent("gone").path)  // not on the first thread
        batch.folder(folder.path)
        XCTAssertThrowsError(try batch.sync()) { error in
            let failure = error as? StoreIOFailure
            XCTAssertEqual(failure?.code, ENOENT)
            XCTAssertEqual(failure?.path.hasSuffix("/gone"), true, "\(error)")
        }
    }
}
