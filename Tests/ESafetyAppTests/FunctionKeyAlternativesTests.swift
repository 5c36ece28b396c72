import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Where a terminal has no F5-F12 (a vt100 has only PF1-PF4), every action still has a key:
/// a seeded random walk over the demo store's screens checks each screen it reaches, and the
/// key bar there shows the other key.
@MainActor
final class FunctionKeyAlternativesTests: AppTestCase {
    func testEveryActionOfEveryScreenReachedHasAKeyOnAVT100() async throws {
        let count = (Int(ProcessInfo.processInfo.environment["ESAFETY_FUZZ_KEYS"] ?? "") ?? 100_000) / 5
        var random = BenchRandom(seed: 7)
        try launch(demo: true)
        let keys: [Key] = [.enter, .enter, .escape, .escape, .up, .down, .down, .tab, .backTab, .right, .character(" "),
                           .character("1"), .character("2"), .character("3"), .character("4"), .character("5"), .character("6"),
                           .character("a"), .character("e"), .character("m"), .character("y"), .character("n"), .function(1)]
        let vt100 = Set(1...4)
        var checked = Set<String>()
        for _ in 0..<count {
            app.process(.key(random.pick(keys)))
            guard checked.insert(app.breadcrumb).inserted else { continue }
            let stuck = app.currentActions.unreachable(functionKeys: vt100)
            XCTAssertEqual(stuck.map(\.id.rawValue), [], "\(app.breadcrumb): only function keys a vt100 lacks")
            let bar = FunctionKeyBar(table: app.currentActions, functionKeys: vt100)
            var canvas = Canvas(size: Size(width: 200, height: 1))
            bar.draw(into: &canvas, rect: canvas.bounds)
            for function in 5...12 {
                XCTAssertFalse(canvas.line(0).contains("F\(function)"), "\(app.breadcrumb): the bar shows F\(function): \(canvas.line(0))")
            }
        }
        XCTAssertGreaterThan(checked.count, 15, "\(checked.sorted())")
        print("FunctionKeyAlternativesTests: \(count) keys, \(checked.count) distinct screens checked")
    }
}
