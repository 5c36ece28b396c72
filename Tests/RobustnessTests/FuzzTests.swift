import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Random input: a seeded stream of key presses and resizes (down to 20x5 and back) into the
/// real application over a demo store, drawing after every event as the run loop does. It must
/// not crash, must reach every area, and must still answer normally at the end.
///
/// `ESAFETY_FUZZ_KEYS` sets the number of key presses and `ESAFETY_FUZZ_SEED` the seed (the
/// defaults are below; `.ci/run` sets CI's). A short run (a few thousand keys) may not get
/// out of the first area: it then fails, naming the areas it never reached.
final class FuzzTests: AppTestCase {
    func testRandomKeysAndResizesAcrossEveryScreenNeverCrash() async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["ESAFETY_FUZZ_KEYS"] ?? "") ?? 100_000
        var random = BenchRandom(seed: UInt64(environment["ESAFETY_FUZZ_SEED"] ?? "") ?? 1)
        try launch(demo: true)
        let text: [Character] = Array("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789/?-.,'Zoë李")
        // Navigation is weighted up, so the walk goes deep into the areas and comes back out.
        let navigation: [Key] = [.enter, .enter, .escape, .escape, .up, .down, .down, .tab, .backTab, .left, .right,
                                 .pageUp, .pageDown, .home, .end, .backspace, .delete, .insert, .character(" "),
                                 .character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .character("6"),
                                 .character("/"), .character("n"), .character("N"), .character("j"), .character("k"),
                                 .function(1), .function(2), .function(3), .function(4), .function(7), .function(8), .function(10),
                                 .control("s"), .control("l"), .control("c"), .character("q"), .character("?")]
        var breadcrumbs = Set<String>()
        var resizes = 0
        var smallest = Size(width: 80, height: 24)
        for step in 0..<count {
            let key: Key = random.below(3) == 0 ? .character(random.pick(text)) : random.pick(navigation)
            app.process(.key(key))
            if random.below(200) == 0 {
                let size = random.below(3) == 0
                    ? Size(width: 20 + random.below(41), height: 5 + random.below(12))  // down to 20x5
                    : Size(width: 60 + random.below(141), height: 16 + random.below(45))
                terminal.resize(to: size)
                app.process(terminal.nextEvent(timeoutMilliseconds: 0))
                resizes += 1
                if size.width * size.height < smallest.width * smallest.height { smallest = size }
            }
            let canvas = app.draw()
            XCTAssertEqual(canvas.size, terminal.size)
            breadcrumbs.insert(app.breadcrumb)
            if step % 5_000 == 2_499 {  // the smallest size, exactly
                terminal.resize(to: Size(width: 20, height: 5))
                app.process(terminal.nextEvent(timeoutMilliseconds: 0))
                smallest = Size(width: 20, height: 5)
                XCTAssertEqual(app.draw().size, Size(width: 20, height: 5))
            }
            if step % 5_000 == 4_999 {  // back to a normal size now and then, and it still draws the home line
                terminal.resize(to: Size(width: 80, height: 24))
                app.process(terminal.nextEvent(timeoutMilliseconds: 0))
            }
        }
        terminal.resize(to: Size(width: 20, height: 5))
        app.process(terminal.nextEvent(timeoutMilliseconds: 0))
        _ = app.draw()
        terminal.resize(to: Size(width: 80, height: 24))
        app.process(terminal.nextEvent(timeoutMilliseconds: 0))
        // Back out to the home screen: Esc, saying "discard" to any question.
        for _ in 0..<40 where app.breadcrumb != "Home" {
            app.process(.key(.escape))
            app.process(.key(.character("y")))
            app.process(.key(.enter))
        }
        let areas = ["Incidents", "Role directory", "AUP signatures", "Review schedule", "Settings"]
        for area in areas {
            XCTAssertTrue(breadcrumbs.contains { $0.hasPrefix("Home › \(area)") }, "never reached \(area): \(breadcrumbs.sorted())")
        }
        XCTAssertGreaterThan(breadcrumbs.count, 20, "\(breadcrumbs.sorted())")
        XCTAssertGreaterThan(resizes, count / 400)
        XCTAssertLessThanOrEqual(smallest.width * smallest.height, 30 * 8)
        print("FuzzTests: \(count) keys, \(resizes) resizes (smallest \(smallest.width)x\(smallest.height)), \(breadcrumbs.count) distinct screens")
        // The store the random keys changed is still sound.
        XCTAssertEqual(Store.check(at: storeURL).map { "\($0.file): \($0.problem)" }, [])
    }
}
