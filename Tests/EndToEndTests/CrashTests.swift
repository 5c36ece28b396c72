import Foundation
import XCTest

/// Kills esafety with SIGKILL at random moments while it saves, again and again, and shows that
/// each time the store opens, passes `esafety check`, and holds every save it acknowledged.
///
/// `ESAFETY_CRASH_TRIALS` sets the number of kills: default 120 (about a minute here with a debug
/// build); `.ci/run` sets 200 (about 90 s).
/// `ESAFETY_CRASH_SEED` fixes the kill times (default 8).
final class CrashTests: XCTestCase {
    func testKilledAtRandomDuringSavesNothingAcknowledgedIsLostAndCheckPasses() throws {
        let environment = ProcessInfo.processInfo.environment
        let trials = Int(environment["ESAFETY_CRASH_TRIALS"] ?? "") ?? 120
        var seed = UInt64(environment["ESAFETY_CRASH_SEED"] ?? "") ?? 8
        func random(_ bound: UInt64) -> UInt64 {  // a seeded LCG: the same kill times every run
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (seed >> 33) % bound
        }
        let binary = try esafetyBinary()
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let acks = store.deletingLastPathComponent().appendingPathComponent("\(store.lastPathComponent)-acks.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: acks.path, contents: nil))
        addTeardownBlock { try? FileManager.default.removeItem(at: acks) }

        var killedWhileSaving = 0
        var acknowledged = 0
        for trial in 1...trials {
            let output = try FileHandle(forWritingTo: acks)
            output.seekToEndOfFile()
            let child = Process()
            child.executableURL = binary
            child.arguments = ["bench", "crash-child", "--store", store.path]
            child.standardOutput = output
            let errors = Pipe()
            child.standardError = errors
            try child.run()
            // Anywhere from before the store is open (and its head teacher signed in) to well into
            // the stream of saves.
            usleep(useconds_t(20_000 + random(200_000)))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try output.close()
            let said = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
            if child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL {
                killedWhileSaving += 1
            } else {
                XCTFail("trial \(trial): the saving process ended by itself (\(child.terminationReason == .exit ? "status" : "signal") "
                        + "\(child.terminationStatus)): \(said)")
            }

            let verify = try runEsafety(["bench", "crash-verify", "--store", store.path, "--acks", acks.path])
            XCTAssertEqual(verify.status, 0, "trial \(trial): \(verify.standardOutput)\(verify.standardError)")
            let check = try runEsafety(["check", "--store", store.path])
            XCTAssertEqual(check.status, 0, "trial \(trial): \(check.standardOutput)\(check.standardError)")
            if verify.status != 0 || check.status != 0 { break }
            acknowledged = Int(verify.standardOutput.split(separator: " ").dropFirst(2).first ?? "") ?? acknowledged
        }
        // The kills must really have landed while saves were being made.
        XCTAssertGreaterThan(killedWhileSaving, trials * 9 / 10)
        XCTAssertGreaterThan(acknowledged, trials)
        print("CrashTests: \(trials) SIGKILLs (\(killedWhileSaving) mid-run), \(acknowledged) acknowledged saves all present, check passed each time")
    }
}
