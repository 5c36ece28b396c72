import CivilTime
import Foundation
import XCTest
@testable import ESafetyCore

/// A full disk, for real: a small tmpfs (which needs root; skipped with a message elsewhere),
/// filled to within a few pages, so that each step of a commit in turn finds no room. Each
/// time: nothing half-committed, a plain message, and a retry records the incident once.
final class StoreDiskFullTests: StoreTestCase {
    private func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// Every file's bytes, but for what a failed commit may leave on purpose (daily copies of the
    /// current version, the lock's details) and the filler.
    private func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            guard !relative.hasPrefix("backups"), relative != "lock", !relative.hasPrefix("cache") else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path)
            }
        }
        return files
    }

    /// Fills the file system until `pages` pages of 4 KiB are left.
    private func fill(_ filler: URL, leaving pages: Int) throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: filler.path, contents: nil), "create \(filler.path)")
        let handle = try FileHandle(forWritingTo: filler)
        let chunk = Data(repeating: 0x41, count: 4096)
        var written = 0
        while (try? handle.write(contentsOf: chunk)) != nil { written += chunk.count }
        try handle.truncate(atOffset: UInt64(max(0, written - pages * 4096)))
        try handle.close()
    }

    func testAFullDiskSavesNothingSaysSoPlainlyAndARetrySavesOnce() throws {
        let small = root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mounted = run("/bin/mount", ["-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", small.path])
        guard mounted.status == 0 else {
            throw XCTSkip("A full disk is tested on a small tmpfs, which needs root and permission to mount: \(mounted.output)")
        }
        defer { _ = run("/bin/umount", [small.path]) }
        let store = small.appendingPathComponent("store")
        let workspace = try demoWorkspace(at: store)
        let log = try workspace.incidents()
        let report = sampleReport(on: workspace.today, description: String(repeating: "A long fictional description. ", count: 200))

        let filler = small.appendingPathComponent("filler")
        var refused = 0, saved = 0
        for pages in 0..<12 {
            try fill(filler, leaving: pages)
            let before = snapshot(store)
            do {
                _ = try log.submit(report)
                saved += 1
            } catch let error as StoreError {
                guard case .diskFull = error else { return XCTFail("with \(pages) pages free: \(error)") }
                XCTAssertTrue(error.description.hasPrefix("The disk is full: nothing was saved"), error.description)
                XCTAssertEqual(snapshot(store), before, "with \(pages) pages free, a file changed")
                refused += 1
            }
            try FileManager.default.removeItem(at: filler)
        }
        XCTAssertGreaterThan(refused, 0, "the disk was never full enough to refuse")
        let retried = try log.submit(report)
        let entries = try workspace.store.auditEntries().filter { $0.action == "incident.submit" }
        XCTAssertEqual(entries.count, saved + 1 + 3, "each saved once (the demo has 3): no duplicate from a retry")
        XCTAssertEqual(Set(entries.compactMap(\.recordID)).count, entries.count)
        XCTAssertNotNil(log.summary(retried.id))
        XCTAssertEqual(Store.check(at: store), [])
        print("StoreDiskFullTests: \(refused) commits refused on a full disk, \(saved) fitted, then a retry saved once")
    }
}
