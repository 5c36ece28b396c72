import Foundation
import XCTest

/// Two esafety processes on one store: while the first is saving, the second is told who has
/// the store and saves nothing; when the first is done the second saves; every save either of
/// them acknowledged is in the store at the end (no lost update), and the store passes check.
final class TwoInstancesTests: XCTestCase {
    func testTheSecondIsRefusedWhileTheFirstSavesAndNoUpdateIsLost() throws {
        let binary = try esafetyBinary()
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let acks = store.deletingLastPathComponent().appendingPathComponent("\(store.lastPathComponent)-two.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: acks.path, contents: nil))
        addTeardownBlock { try? FileManager.default.removeItem(at: acks) }

        let output = try FileHandle(forWritingTo: acks)
        let first = Process()
        first.executableURL = binary
        first.arguments = ["bench", "crash-child", "--store", store.path, "--count", "400"]
        first.standardOutput = output
        try first.run()
        // Wait until the first holds the store and has acknowledged a save.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !((try? String(contentsOf: acks, encoding: .utf8)) ?? "").contains("sig ") { usleep(2_000) }

        let refused = try runEsafety(["bench", "crash-child", "--store", store.path, "--count", "5"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.standardError.contains("is in use by esafety (process \(first.processIdentifier)"), refused.standardError)
        XCTAssertFalse(refused.standardOutput.contains("sig "), "the refused instance acknowledged a save: \(refused.standardOutput)")
        XCTAssertTrue(first.isRunning, "the first instance finished too soon for the test to mean anything")

        first.waitUntilExit()
        try output.close()
        XCTAssertEqual(first.terminationStatus, 0)
        // Now the second may save, on top of everything the first saved.
        let second = try runEsafety(["bench", "crash-child", "--store", store.path, "--count", "20"])
        XCTAssertEqual(second.status, 0, second.standardError)
        let all = try String(contentsOf: acks, encoding: .utf8) + second.standardOutput
        try Data(all.utf8).write(to: acks)
        XCTAssertEqual(all.split(separator: "\n").filter { $0.hasPrefix("sig ") || $0.hasPrefix("inc ") }.count, 420)

        let verify = try runEsafety(["bench", "crash-verify", "--store", store.path, "--acks", acks.path])
        XCTAssertEqual(verify.status, 0, verify.standardError)
        XCTAssertTrue(verify.standardOutput.contains("all 420 acknowledged saves"), verify.standardOutput)
        XCTAssertEqual(try runEsafety(["check", "--store", store.path]).status, 0)
    }
}
