import Foundation
import XCTest
import TestSupport

/// Several esafety processes on one store at once: two savers and the command line together.
/// Nobody is refused or kept waiting for a session; every save either saver acknowledged is in
/// the store at the end (no lost update), no incident id is given twice, and the store passes check.
final class TwoInstancesTests: XCTestCase {
    func testTwoSaversAndCommandsShareTheStoreAndNoUpdateIsLost() throws {
        let binary = try esafetyBinary()
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let folder = store.deletingLastPathComponent()
        let ackFiles = ["one", "two"].map { folder.appendingPathComponent("\(store.lastPathComponent)-\($0).txt") }
        addTeardownBlock { for file in ackFiles { try? FileManager.default.removeItem(at: file) } }

        let savers = try ackFiles.map { try SaverProcess(binary: binary, store: store, acks: $0, count: 200) }
        for saver in savers { try saver.waitUntilReady() }
        // While both save: a read-only command and a signed-in export work too.
        let check = try runEsafety(["export", "roles", "--store", store.path])
        XCTAssertEqual(check.status, 0, check.standardError)
        let export = try runEsafety(["export", "incidents", "--format", "csv", "--user", "Amira Haddad", "--store", store.path],
                                    environment: ["ESAFETY_PASSPHRASE": "hollybrook demo"])
        XCTAssertEqual(export.status, 0, export.standardError)
        XCTAssertTrue(savers.allSatisfy { $0.process.isRunning }, "the savers finished too soon for the test to mean anything")
        for saver in savers {
            saver.process.waitUntilExit()
            XCTAssertEqual(saver.process.terminationStatus, 0, saver.errorText())
        }
        let lines = try savers.flatMap { try $0.acknowledged() }
        XCTAssertEqual(lines.count, 400)
        let incidents = lines.filter { $0.hasPrefix("inc ") }
        XCTAssertEqual(Set(incidents).count, incidents.count, "no incident id was given out twice")

        let verify = try runEsafety(["bench", "crash-verify", "--store", store.path] + ackFiles.flatMap { ["--acks", $0.path] })
        XCTAssertEqual(verify.status, 0, verify.standardError)
        XCTAssertTrue(verify.standardOutput.contains("all 400 acknowledged saves"), verify.standardOutput)
        let final = try runEsafety(["check", "--store", store.path])
        XCTAssertEqual(final.status, 0, final.standardOutput)
    }

    /// The bench's contention run at a size CI can afford: four processes saving at random for
    /// a few seconds (`bench run` does eight for a minute on the stress store).
    func testTheContentionRunLosesNothingAndDoublesNothing() throws {
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let seconds = ProcessInfo.processInfo.environment["ESAFETY_CONTENTION_SECONDS"] ?? "8"
        let run = try runEsafety(["bench", "contention", "--store", store.path, "--processes", "4", "--seconds", seconds], timeout: 120)
        XCTAssertEqual(run.status, 0, run.standardOutput + run.standardError)
        for line in ["lost 0", "duplicates 0", "errors 0", "check 0"] {
            XCTAssertTrue(run.standardOutput.split(separator: "\n").contains { $0 == line }, "\(line) in: \(run.standardOutput)")
        }
        let saves = run.standardOutput.split(separator: "\n").first { $0.hasPrefix("saves ") }.flatMap { Int($0.dropFirst(6)) } ?? 0
        XCTAssertGreaterThan(saves, 40, run.standardOutput)
        print("ContentionTests: \(run.standardOutput.split(separator: "\n").joined(separator: ", "))")
    }
}
