import Foundation
import XCTest
import TestSupport

/// Kills esafety with SIGKILL at random moments while two of them save on one store at once,
/// again and again, and shows that each time the store opens, passes `esafety check`, and holds
/// every save either acknowledged.
///
/// `ESAFETY_CRASH_TRIALS` sets the number of trials (two kills each; the default is below, and
/// `.ci/run` sets CI's). `ESAFETY_CRASH_SEED` fixes the kill times (default 8). Each kill is timed from the
/// saver's "ready" line (store open, signed in), not from its start.
final class CrashTests: XCTestCase {
    func testKilledAtRandomWhileTwoSaveNothingAcknowledgedIsLostAndCheckPasses() throws {
        let environment = ProcessInfo.processInfo.environment
        let trials = Int(environment["ESAFETY_CRASH_TRIALS"] ?? "") ?? 60
        var seed = UInt64(environment["ESAFETY_CRASH_SEED"] ?? "") ?? 8
        func random(_ bound: UInt64) -> UInt64 {  // a seeded LCG: the same kill times every run
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (seed >> 33) % bound
        }
        let binary = try esafetyBinary()
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let folder = store.deletingLastPathComponent()
        let ackFiles = ["a", "b"].map { folder.appendingPathComponent("\(store.lastPathComponent)-acks-\($0).txt") }
        addTeardownBlock { for file in ackFiles { try? FileManager.default.removeItem(at: file) } }

        var killedWhileSaving = 0
        var acknowledged = 0
        for trial in 1...trials {
            let savers = try ackFiles.map { try SaverProcess(binary: binary, store: store, acks: $0) }
            for saver in savers { try saver.waitUntilReady() }
            // From the first save to well into the stream of saves; the second a little apart.
            usleep(useconds_t(random(150_000)))
            if savers[0].kill() { killedWhileSaving += 1 } else { XCTFail("trial \(trial): saver a ended by itself: \(savers[0].errorText())") }
            usleep(useconds_t(random(60_000)))
            if savers[1].kill() { killedWhileSaving += 1 } else { XCTFail("trial \(trial): saver b ended by itself: \(savers[1].errorText())") }

            let verify = try runEsafety(["bench", "crash-verify", "--store", store.path] + ackFiles.flatMap { ["--acks", $0.path] })
            XCTAssertEqual(verify.status, 0, "trial \(trial): \(verify.standardOutput)\(verify.standardError)")
            let check = try runEsafety(["check", "--store", store.path])
            XCTAssertEqual(check.status, 0, "trial \(trial): \(check.standardOutput)\(check.standardError)")
            if verify.status != 0 || check.status != 0 { break }
            acknowledged = Int(verify.standardOutput.split(separator: " ").dropFirst(2).first ?? "") ?? acknowledged
        }
        let incidents = try ackFiles.flatMap { try String(contentsOf: $0, encoding: .utf8).split(separator: "\n") }.filter { $0.hasPrefix("inc ") }
        XCTAssertEqual(Set(incidents).count, incidents.count, "no incident id was given out twice")
        XCTAssertGreaterThan(killedWhileSaving, trials * 2 * 9 / 10)
        XCTAssertGreaterThan(acknowledged, trials)
        print("CrashTests: \(trials) trials, \(killedWhileSaving) SIGKILLs of two concurrent savers, \(acknowledged) acknowledged saves "
              + "all present, \(incidents.count) incident ids all distinct, check passed each time")
    }
}
