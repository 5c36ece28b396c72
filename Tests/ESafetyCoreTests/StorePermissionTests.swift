import Foundation
import XCTest
@testable import ESafetyCore

final class StorePermissionTests: StoreTestCase {
    private func assertOwnerOnly(umaskValue: mode_t, file: StaticString = #filePath, line: UInt = #line) throws {
        let previous = umask(umaskValue)
        defer { umask(previous) }
        let nested = root.appendingPathComponent("a/b/store-\(umaskValue)")
        let store = try Store.create(at: nested) { store in
            try store.save(TestPeople.sample, to: "people", actor: .system, action: "seed", recordID: nil, summary: "")
            try store.save(["value": 1], to: "incidents/2026", actor: .system, action: "seed", recordID: nil, summary: "")
        }
        try store.save(["value": 2], to: "incidents/2026", actor: .system, action: "update", recordID: nil, summary: "")
        for folder in ["a", "a/b", "a/b/store-\(umaskValue)", "a/b/store-\(umaskValue)/incidents"] {
            XCTAssertEqual(mode(root.appendingPathComponent(folder).path), 0o700, folder, file: file, line: line)
        }
        for name in ["manifest.json", "audit.jsonl", "lock", "people.json", "incidents/2026.json"] {
            XCTAssertEqual(mode(nested.appendingPathComponent(name).path), 0o600, name, file: file, line: line)
        }
        XCTAssertEqual(store.check(), [], file: file, line: line)
    }

    func testFilesAndFoldersAreOwnerOnlyUnderUmask022() throws {
        try assertOwnerOnly(umaskValue: 0o022)
    }

    func testFilesAndFoldersAreOwnerOnlyUnderUmask000() throws {
        try assertOwnerOnly(umaskValue: 0o000)
    }

    func testSavingOverAWidenedFileMakesItOwnerOnlyAgainAndCheckReportsWideFiles() throws {
        let store = try makeStore()
        XCTAssertEqual(chmod(path("people.json"), 0o644), 0)
        XCTAssertEqual(chmod(storeURL.path, 0o755), 0)
        let problems = store.check()
        XCTAssertTrue(problems.contains { $0.file == "people.json" && $0.problem.contains("0644") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.file == storeURL.path && $0.problem.contains("0700") }, "\(problems)")
        try store.save(TestPeople.sample, to: "people", actor: sam, action: "x", recordID: nil, summary: "")
        XCTAssertEqual(mode(path("people.json")), 0o600)
    }
}
