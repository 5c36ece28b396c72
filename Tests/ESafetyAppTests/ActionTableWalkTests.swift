import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest
import TestSupport

/// Every screen reachable from home on the demo store (the menus, what Enter opens on their
/// first rows, and what each screen's own actions open): its table in force binds no key twice
/// and lists no id twice, the flowchart walk keeps Esc, and every action its help and key bar
/// show can be carried out (the screen does not answer `.unhandled`).
final class ActionTableWalkTests: AppTestCase {
    private var seen: Set<String> = []
    private var problems: [String] = []

    private func back(to depth: Int) {
        for _ in 0..<12 where app.stack.count > depth {
            app.process(.key(.escape))
            if app.draw().text.contains("(y) ]") { app.process(.key(.character("y"))) }
        }
        if app.draw().text.contains("(y) ]") { app.process(.key(.character("n"))) }
    }

    /// Checks the screen on top: its table and the merged one, and each action it shows.
    private func check() {
        let crumb = app.breadcrumb
        do {
            _ = try ActionTable(checking: app.top.actions.actions)
            _ = try ActionTable(checking: app.currentActions.actions)
        } catch {
            problems.append("\(crumb): \(error)")
        }
        if !app.currentActions.contains(.help) || app.currentActions.action(for: .function(10))?.id != .quit {
            problems.append("\(crumb): help or quit is missing")
        }
        if app.currentActions.action(for: .escape) == nil { problems.append("\(crumb): Esc does nothing") }
        // An action performed may change what the screen offers (the next step of a form): each
        // is tried while it is still offered.
        for action in app.top.actions.actions where !action.takesText && !action.goesByKey && app.top.actions.contains(action.id) {
            if case .unhandled = app.top.perform(action.id) { problems.append("\(crumb): '\(action.id)' is shown but not performed") }
        }
    }

    private func explore(depth: Int) {
        let title = app.top.title
        guard !seen.contains(title), seen.count < 150 else { return }
        seen.insert(title)
        let crumb = app.breadcrumb
        let level = app.stack.count
        // Performing each action may change the selection or the focus: it is checked last.
        defer { if app.stack.count == level, app.breadcrumb == crumb { check() } }
        guard depth < 4 else { return }
        for row in 0..<5 {
            app.process(.key(.home))
            for _ in 0..<row { app.process(.key(.down)) }
            app.process(.key(.enter))
            if app.stack.count > level { explore(depth: depth + 1) }
            back(to: level)
            guard app.stack.count == level, app.breadcrumb == crumb else { return }
        }
        for action in app.top.actions.actions where action.inBar {
            guard let key = action.keys.first else { continue }
            app.process(.key(key))
            if app.stack.count > level { explore(depth: depth + 1) }
            back(to: level)
            guard app.stack.count == level, app.breadcrumb == crumb else { return }
        }
    }

    /// Menus, the dashboard and text views list their keys in the table, so help shows them.
    func testWidgetsKeysAreInTheTableAndInHelp() async throws {
        try launch(demo: true)
        XCTAssertEqual(app.currentActions.action(for: .character("3"))?.id, .menuPick)
        XCTAssertEqual(app.currentActions.action(for: .down)?.id, .menuDown)
        let help = HelpOverlay(title: "Help", text: app.top.helpText, table: app.currentActions).lines(width: 70)
        XCTAssertTrue(help.contains { $0.contains("Open the item with that number") }, help.joined(separator: "\n"))
        press(.tab)
        XCTAssertEqual(app.currentActions.action(for: .down)?.id, .moveDown, "the dashboard has the arrows while it has the focus")
        XCTAssertEqual(app.currentActions.action(for: .character("3"))?.id, .menuPick, "number keys still pick a menu item")
        XCTAssertFalse(app.currentActions.contains(.menuDown))
        press(.tab, .character("2"), .character("3"))
        XCTAssertEqual(app.breadcrumb, "Home › Response flowchart › Outline")
        XCTAssertEqual(app.currentActions.action(for: .pageDown)?.id, .scrollPageDown)
    }

    func testEveryScreensTableIsSoundAndEveryShownActionIsPerformable() async throws {
        try launch(demo: true)
        explore(depth: 0)
        XCTAssertGreaterThan(seen.count, 30, "the walk reached the screens: \(seen.sorted())")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }
}
