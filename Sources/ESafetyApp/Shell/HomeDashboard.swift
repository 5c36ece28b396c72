import CivilTime
import TerminalUI

/// The home screen's dashboard: each area's section under its heading, fitted to the rows there
/// are. Every line can be selected (↑ ↓ when the dashboard has the focus) and opens its screen.
/// A section whose lines do not all fit ends with "… and N more", which opens the whole list
/// (when only one row is left for it, its most urgent line is shown with the count).
@MainActor
final class HomeDashboard {
    /// One row as drawn: a section heading, or a line that opens something.
    enum Row {
        case heading(String)
        case line(DashboardLine)
    }

    private let context: AppContext
    private let sections: [any DashboardSection]
    /// Which selectable line is selected, counting from the top.
    private(set) var selectedLine = 0
    /// The rows last laid out, for Enter to open the selected one.
    private var shown: [Row] = []
    /// Each section's lines, computed once and kept until the store changes or the day turns:
    /// summarising a large store (6,000 people's AUP status, every open incident) takes far longer
    /// than a frame, and most key presses change nothing in it.
    private var cached: (changeCount: Int, events: Int, today: CivilDate, sections: [(any DashboardSection, [DashboardLine])])?
    /// When true the dashboard shows "Loading…" until ``prepare()`` has run, so the first frame
    /// of the app does not wait for the summaries (the app calls it just after that frame).
    var waitsForPrepare = false

    init(context: AppContext, sections: [any DashboardSection]) {
        self.context = context
        self.sections = sections
    }

    /// True when there is any line to select.
    var hasLines: Bool { !rows(height: 1000).allSatisfy { if case .heading = $0 { return true } else { return false } } }

    /// The rows for a space `height` rows high: every section's heading and as many of its
    /// lines as fit, shared fairly between sections, most important section first. Nothing is
    /// dropped silently: a section cut short ends with "… and N more", sections with no room
    /// at all are named on a last "… and N more" line, and each of those opens the whole list.
    func rows(height: Int) -> [Row] {
        if waitsForPrepare && cached == nil { return [.heading("Loading the dashboard…")] }
        let all = sectionLines()
        guard height > 0, !all.isEmpty else { return [] }
        // Too little room for a heading and a line each: one row per section, its title and
        // its most urgent line, so no section disappears.
        if 2 * all.count > height { return compactRows(all, height: height) }
        // As many sections as have room for their heading and one line, keeping a row to name
        // the rest when some do not fit.
        var fitting = all.count
        while fitting > 0 && 2 * fitting + (fitting < all.count ? 1 : 0) > height { fitting -= 1 }
        let hidden = all.dropFirst(fitting)
        let overflowRows = hidden.isEmpty ? 0 : 1
        var budget = height - fitting - overflowRows
        var shownCounts = Array(repeating: 0, count: fitting)
        // Round-robin, so a long section cannot crowd the others out.
        var progress = true
        while budget > 0 && progress {
            progress = false
            for index in 0..<fitting where budget > 0 && shownCounts[index] < all[index].1.count {
                shownCounts[index] += 1; budget -= 1; progress = true
            }
        }
        var rows: [Row] = []
        for (index, (section, lines)) in all.prefix(fitting).enumerated() {
            rows.append(.heading(section.title))
            let room = shownCounts[index]
            if room >= lines.count {
                rows += lines.map(Row.line)
            } else if room == 1 {
                // One row: the most urgent line, saying how many more there are.
                var first = lines[0]
                first.text += "  (and \(lines.count - 1) more)"
                rows.append(.line(first))
            } else if room > 1 {
                rows += lines.prefix(room - 1).map(Row.line)
                let more = lines.count - (room - 1)
                rows.append(.line(DashboardLine("… and \(more) more: Enter opens the list", style: .dim) { [weak self] in
                    self?.openList(from: section.title) ?? .handled
                }))
            }
        }
        if !hidden.isEmpty {
            let count = hidden.reduce(0) { $0 + $1.1.count }
            let names = hidden.map { $0.0.title }.joined(separator: ", ")
            rows.append(.line(DashboardLine("… and \(count) more (\(names)): Enter opens the list", style: .dim) { [weak self] in
                self?.openList(from: hidden.first?.0.title ?? "") ?? .handled
            }))
        }
        return rows
    }

    /// One row per section ("Reviews (3): 35 days overdue …"), each opening its
    /// line, and a last row that opens the whole list (naming any section left out).
    private func compactRows(_ all: [(any DashboardSection, [DashboardLine])], height: Int) -> [Row] {
        let shownCount = all.count < height ? all.count : max(0, height - 1)
        var rows: [Row] = all.prefix(shownCount).map { section, lines in
            var line = lines[0]
            // The count first, so a narrow screen cuts the line's end, never how many there are.
            line.text = "\(section.shortTitle)" + (lines.count > 1 ? " (\(lines.count))" : "") + ": " + line.text
            return .line(line)
        }
        // The last row opens everything: the lines not shown, and the sections left out.
        let hidden = all.dropFirst(shownCount)
        let count = all.prefix(shownCount).reduce(0) { $0 + $1.1.count - 1 } + hidden.reduce(0) { $0 + $1.1.count }
        if count > 0 {
            let names = hidden.isEmpty ? "" : " (\(hidden.map { $0.0.title }.joined(separator: ", ")))"
            rows.append(.line(DashboardLine("… and \(count) more\(names): Enter opens the list", style: .dim) { [weak self] in
                self?.openList(from: all.first?.0.title ?? "") ?? .handled
            }))
        }
        return Array(rows.prefix(height))
    }

    /// Every line of every section, in a list of its own, from a section's heading.
    private func openList(from title: String) -> ScreenResponse {
        .push(DashboardListScreen(context: context, sections: sectionLines().map { ($0.0.title, $0.1) }, startingAt: title))
    }

    /// Computes the sections' lines now if they are not up to date (the first time, after any
    /// change to the store, and when the day turns).
    func prepare() { _ = sectionLines() }

    private func sectionLines() -> [(any DashboardSection, [DashboardLine])] {
        let today = context.workspace.today
        let changeCount = context.workspace.store.changeCount
        let events = context.workspace.attention.revision  // an opening changes no document
        if let cached, cached.changeCount == changeCount, cached.events == events, cached.today == today { return cached.sections }
        // A section with nothing to say takes no room, not even for its heading.
        let all = sections.map { ($0, $0.lines(context: context, today: today)) }.filter { !$0.1.isEmpty }
        cached = (changeCount, events, today, all)
        return all
    }

    private var selectableCount: Int { shown.filter { if case .line = $0 { return true } else { return false } }.count }

    /// Moves the selection by `delta` lines, staying within the lines shown.
    func move(by delta: Int) { selectedLine = max(0, min(selectableCount - 1, selectedLine + delta)) }
    func moveToEnd(_ last: Bool) { selectedLine = last ? max(0, selectableCount - 1) : 0 }

    /// Moving between the lines, while the dashboard has the focus (Enter is the home screen's Open).
    var actions: ActionTable {
        ActionTable([
            Action(.moveUp, keys: [.up, .character("k")], label: "Up", help: "Go to the dashboard line above"),
            Action(.moveDown, keys: [.down, .character("j")], label: "Down", help: "Go to the dashboard line below"),
            Action(.moveFirst, keys: [.home], label: "First", help: "Go to the first dashboard line"),
            Action(.moveLast, keys: [.end], label: "Last", help: "Go to the last dashboard line"),
        ])
    }

    /// Carries out one of `actions`; false for any other.
    func perform(_ action: ActionID) -> Bool {
        switch action {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .moveFirst: moveToEnd(false)
        case .moveLast: moveToEnd(true)
        default: return false
        }
        return true
    }

    /// The response of the selected line: its screen.
    func openSelected() -> ScreenResponse {
        var index = 0
        for row in shown {
            guard case .line(let line) = row else { continue }
            if index == selectedLine { return line.open() }
            index += 1
        }
        return .handled
    }

    /// The columns the dashboard needs to show every line of `rows(height:)` whole.
    func naturalWidth(height: Int) -> Int {
        rows(height: height).map { row -> Int in
            switch row {
            case .heading(let title): return DisplayWidth.of(title)
            case .line(let line): return 2 + DisplayWidth.of(line.text)
            }
        }.max() ?? 0
    }

    func draw(into canvas: inout Canvas, rect: Rect, focused: Bool) {
        shown = rows(height: rect.height)
        selectedLine = max(0, min(selectedLine, selectableCount - 1))
        var lineIndex = 0
        for (row, entry) in shown.enumerated() {
            let line = rect.row(row)
            switch entry {
            case .heading(let title):
                canvas.writeFitted(title, at: line.origin, style: .heading, clip: line)
                if row == 0 {
                    let hint = focused ? "↑ ↓ Enter opens · Tab: menu" : "Tab: choose a line"
                    let width = DisplayWidth.of(hint)
                    if DisplayWidth.of(title) + width + 2 <= line.width {
                        canvas.write(hint, at: Point(x: line.maxX - width, y: line.y), style: .dim, clip: line)
                    }
                }
            case .line(let dashboardLine):
                // A line too wide is shortened by design: it opens the whole item.
                if focused && lineIndex == selectedLine {
                    canvas.writeLine("  " + dashboardLine.text, in: line, style: .selected)
                    canvas.cursor = line.origin
                } else {
                    canvas.writeFitted("  " + dashboardLine.text, at: line.origin, style: dashboardLine.style, clip: line)
                }
                lineIndex += 1
            }
        }
    }
}
