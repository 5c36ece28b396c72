import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Every screen the app can reach from home (the areas the fuzz test must reach, and what they
/// open), with its help, drawn at 80x24, 100x32 and 200x60 on the virtual screen: no text may
/// be cut in the middle of a word. Shortening by design (a whole-word "…") is allowed; a cut
/// at a rectangle's edge is not (`Canvas.cutWords`).
final class LayoutTests: AppTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 32), Size(width: 200, height: 60)]

    private var visited: [String] = []
    private var seenTitles: Set<String> = []
    private var problems: [String] = []

    /// Draws the current state at each size and notes every word cut.
    private func checkAllSizes(_ what: String) {
        for size in Self.sizes {
            terminal.resize(to: size)
            app.process(terminal.nextEvent(timeoutMilliseconds: 0))
            let canvas = app.draw()
            for cut in canvas.cutWords where !problems.contains(where: { $0.hasSuffix("\(size.width)x\(size.height): \"\(cut)\"") }) {
                problems.append("\(what) at \(size.width)x\(size.height): \"\(cut)\"")
            }
        }
        terminal.resize(to: Self.sizes[0])
        app.process(terminal.nextEvent(timeoutMilliseconds: 0))
    }

    /// Goes back to a depth of the stack, saying "discard" to any question on the way.
    private func back(to depth: Int) {
        for _ in 0..<12 where app.stack.count > depth {
            app.process(.key(.escape))
            if app.draw().text.contains("(y) ]") { app.process(.key(.character("y"))) }
        }
        if app.draw().text.contains("(y) ]") { app.process(.key(.character("n"))) }
    }

    /// Visits a screen, its help, and what Enter opens on each of its first rows.
    private func explore(depth: Int) {
        // A screen is known by its title: the same person's page reached from two roles is one.
        let crumb = app.breadcrumb
        let title = app.top.title
        guard !seenTitles.contains(title), visited.count < 200 else { return }
        seenTitles.insert(title)
        visited.append(crumb)
        checkAllSizes(crumb)
        app.process(.key(.function(1)))
        checkAllSizes(crumb + " (help)")
        for _ in 0..<40 { app.process(.key(.pageDown)) }  // to the end of the help, which must scroll there
        checkAllSizes(crumb + " (help, end)")
        app.process(.key(.escape))
        guard depth < 5 else { return }
        let level = app.stack.count
        for row in 0..<7 {
            app.process(.key(.home))
            for _ in 0..<row { app.process(.key(.down)) }
            app.process(.key(.enter))
            if app.stack.count > level {
                explore(depth: depth + 1)
                back(to: level)
            } else if app.breadcrumb != crumb {  // the screen was replaced (the next step of a form)
                explore(depth: depth + 1)
                return
            } else {
                checkAllSizes(crumb + " (after Enter on row \(row + 1))")
                back(to: level)
            }
            guard app.stack.count == level, app.breadcrumb == crumb else { return }
        }
        // Then each of the screen's own actions (follow-up, mark done, print, walk…).
        // The widgets' own actions (moving, the filter's keys) are left out, as the filter is.
        let skipped: Set<ActionID> = [.open, .signOut, .quitHome, .save, .switchFocus, .filter, .nextMatch, .previousMatch, .filterCancel,
                                      .moveUp, .moveDown, .pageUp, .pageDown, .moveFirst, .moveLast]
        for action in app.top.actions.actions where !skipped.contains(action.id) {
            guard let key = action.keys.first else { continue }
            app.process(.key(key))
            if app.stack.count > level {
                explore(depth: depth + 1)
            } else {
                checkAllSizes(crumb + " (after \(key.name))")
            }
            back(to: level)
            guard app.stack.count == level, app.breadcrumb == crumb else { return }
        }
    }

    func testEveryScreenAtThreeSizesCutsNoWord() async throws {
        try launch(demo: true)
        explore(depth: 0)
        for area in ["Incidents", "Response flowchart", "Role directory", "AUP signatures", "Review schedule", "Settings"] {
            XCTAssertTrue(visited.contains { $0.hasPrefix("Home › \(area)") }, "never reached \(area): \(visited)")
        }
        XCTAssertGreaterThan(visited.count, 30, "\(visited)")
        // Signed out: the sign-in screen.
        back(to: 1)
        app.process(.key(.function(9)))
        checkAllSizes("sign-in")
        print("LayoutTests: \(visited.count) screens at \(Self.sizes.count) sizes:\n" + visited.joined(separator: "\n"))
        XCTAssertEqual(problems, [], "\(problems.count) texts cut mid-word:\n" + problems.joined(separator: "\n"))
    }
}
