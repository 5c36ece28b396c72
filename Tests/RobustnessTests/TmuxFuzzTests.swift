import Foundation
import XCTest
import TestSupport

/// The real binary in a real terminal (tmux), fed a few thousand random keys and resizes down
/// to 20x5: it keeps running, quits when asked, and leaves the terminal as it found it
/// (`stty -a` the same before and after, so echo and line editing are back).
///
/// `ESAFETY_TMUX_FUZZ_KEYS` sets the number of keys (the default is below; `.ci/run` sets CI's).
final class TmuxFuzzTests: XCTestCase {
    func testRandomKeysThroughTmuxThenTheTerminalIsRestored() throws {
        let count = Int(ProcessInfo.processInfo.environment["ESAFETY_TMUX_FUZZ_KEYS"] ?? "") ?? 3_000
        let binary = try esafetyBinary()
        let store = try makeTemporaryStore()
        XCTAssertEqual(try runEsafety(["init", "--demo", "--store", store.path]).status, 0)
        let before = store.appendingPathComponent("stty-before").path
        let after = store.appendingPathComponent("stty-after").path
        let command = "stty -a > \(TmuxSession.quote(before)); \(TmuxSession.quote(binary.path)) --store \(TmuxSession.quote(store.path)); "
            + "status=$?; stty -a > \(TmuxSession.quote(after)); exit $status"
        let app = try startTmux(command: command)
        try app.signIn(as: "Tom Whitfield")
        try app.waitFor("Role directory")

        var seed: UInt64 = 3
        func random(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        // No quitting keys (F10, C-c, q) until the end; everything else, named as tmux names them.
        let keys = ["Up", "Down", "Left", "Right", "Enter", "Enter", "Escape", "Tab", "BTab", "PageUp", "PageDown", "Home", "End",
                    "BSpace", "DC", "Space", "F1", "F2", "F3", "F4", "F7", "F8", "C-s", "C-l", "1", "2", "3", "4", "5", "6",
                    "/", "n", "N", "j", "k", "?", "a", "e", "o", "Z", "y", "0", "-"]
        var sent = 0
        var resizes = 0
        while sent < count {
            let batch = (0..<min(40, count - sent)).map { _ in keys[random(keys.count)] }
            app.send(keys: batch)
            sent += batch.count
            if random(4) == 0 {
                let small = random(3) == 0
                try app.resize(width: small ? 20 + random(30) : 60 + random(60), height: small ? 5 + random(8) : 16 + random(30))
                resizes += 1
            }
            usleep(15_000)
            XCTAssertFalse(app.hasExited, "esafety stopped after \(sent) random keys:\n\(app.screen())")
            if app.hasExited { return }
        }
        try app.resize(width: 80, height: 24)
        // Redrawn at 80x24: something (the function-key bar) on the 24th row. Counting non-empty
        // lines, as before, never succeeded when the last screen had blank rows (a short picker).
        try app.waitUntil("the screen redrawn at 80x24") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return app.hasExited || (rows.count >= 24 && !rows[23].trimmingCharacters(in: .whitespaces).isEmpty)
        }
        XCTAssertFalse(app.hasExited, "esafety stopped before it was asked to quit")
        // Quit: F10, then accept whatever it asks (discard changes, quit), each step waiting for
        // the screen to answer rather than for a fixed time (a redraw after the resize counts as
        // an answer too; the loop simply asks again).
        func press(_ key: String) {
            let before = app.screen()
            app.send(keys: key)
            _ = try? app.waitUntil("an answer to \(key)") { app.hasExited || $0 != before }
        }
        for _ in 0..<10 where !app.hasExited {
            press("F10")
            if !app.hasExited { press("y") }
        }
        XCTAssertEqual(try app.waitForExit(), 0)
        // The window's size is the pane's, not a setting esafety restores: leave it out.
        func settings(_ path: String) throws -> String {
            try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "", options: .regularExpression)
        }
        let sttyBefore = try settings(before)
        let sttyAfter = try settings(after)
        XCTAssertEqual(sttyAfter, sttyBefore, "the terminal settings were not restored")
        XCTAssertTrue(sttyAfter.contains(" icanon") && sttyAfter.contains(" echo"), sttyAfter)
        print("TmuxFuzzTests: \(sent) keys, \(resizes) resizes, terminal restored")
    }
}
