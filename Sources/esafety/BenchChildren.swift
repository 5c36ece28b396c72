import ArgumentParser
import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI

/// `esafety bench first-screen --store DIR` (hidden): what the app does up to its first frame,
/// on a virtual terminal, then exits. Timed from outside by `bench run`.
struct BenchFirstScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "first-screen", shouldDisplay: false)

    @Option var store: String

    func run() throws {
        try withBenchStore(store) { workspace in
            // What a person sees first on a store with accounts: the sign-in screen.
            let terminal = FrameClockTerminal(VirtualTerminal(size: Size(width: 80, height: 24)))
            let app = ESafetyApplication.make(terminal: terminal, workspace: workspace, deferDashboard: true)
            app.run()  // draws the first screen (and the dashboard after it), then the input ends
            guard terminal.inner.presentCount >= 1, terminal.inner.text.contains(workspace.profile.schoolName) else {
                throw UserFacingError("the first screen was not drawn")
            }
            print(terminal.frameTimes.map(String.init).joined(separator: "\n"))
            print("rss \(PeakMemory.kilobytes())")
        }
    }
}

/// `esafety bench app-session --store DIR` (hidden): the head teacher signs in, the home
/// dashboard is drawn with every section at 200x60, then the incident log. Prints the time of
/// each after sign-in, in milliseconds, and the process's peak memory. Run by `bench run`.
struct BenchAppSessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "app-session", shouldDisplay: false)

    @Option var store: String

    func run() throws {
        try withBenchStore(store) { workspace in
            try signInAsDemoHead(workspace)
            let start = DispatchTime.now().uptimeNanoseconds
            let terminal = VirtualTerminal(size: Size(width: 200, height: 60))
            let app = ESafetyApplication.make(terminal: terminal, workspace: workspace, requireSignIn: false)
            terminal.present(app.draw())
            let dashboard = DispatchTime.now().uptimeNanoseconds
            guard terminal.text.contains("Overdue since") || terminal.text.contains("open for") else {
                throw UserFacingError("the home dashboard showed no incident lines")
            }
            app.process(.key(.character("1")))
            app.process(.key(.character("2")))
            terminal.present(app.draw())
            let log = DispatchTime.now().uptimeNanoseconds
            guard terminal.text.contains("incidents") && terminal.text.contains("Happened") else {
                throw UserFacingError("the incident log was not drawn")
            }
            print("dashboard \(Double(dashboard - start) / 1e6)")
            print("log \(Double(log - dashboard) / 1e6)")
            print("rss \(PeakMemory.kilobytes())")
        }
    }
}

/// `esafety bench load --store DIR` (hidden): reads every document in full, as the exports do
/// (every year's signatures, every incident record opened), and prints the time it took after
/// sign-in and the process's peak memory. Run by `bench run` in a process of its own.
/// With `--index-first-build`: drops the sealed incident index, opens the store for writing and
/// prints the time the incident log took to open (`index MS`): the index's first build.
struct BenchLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", shouldDisplay: false)

    @Option var store: String
    @Flag var indexFirstBuild = false

    func run() throws {
        if indexFirstBuild { return try buildIndex() }
        let workspace = try openBenchStore(store, access: .readOnly)
        defer { workspace.store.close() }
        try signInAsDemoHead(workspace)
        let start = DispatchTime.now().uptimeNanoseconds
        let signatures = try workspace.aup.allSignatures().count
        let incidents = try workspace.incidents().allRecords().count
        _ = workspace.reviews.schedule.items.count
        if let problem = workspace.reviews.loadProblem { throw UserFacingError(problem) }
        print("full \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)")
        print("read \(signatures) signatures, \(incidents) incidents")
        print("rss \(PeakMemory.kilobytes())")
    }

    private func buildIndex() throws {
        try? FileManager.default.removeItem(atPath: (store as NSString).appendingPathComponent(IncidentLog.indexFile))
        let workspace = try openBenchStore(store, access: .readWrite)
        defer { workspace.store.close() }
        try signInAsDemoHead(workspace)
        let start = DispatchTime.now().uptimeNanoseconds
        let incidents = try workspace.incidents().summaries.count
        print("index \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)")
        print("read \(incidents) incidents")
        print("rss \(PeakMemory.kilobytes())")
    }
}

/// A virtual terminal that notes the monotonic clock each time a frame is presented.
@MainActor
final class FrameClockTerminal: Terminal {
    let inner: VirtualTerminal
    private(set) var frameTimes: [UInt64] = []
    init(_ inner: VirtualTerminal) { self.inner = inner }
    var size: Size { inner.size }
    var colorCapability: ColorCapability { inner.colorCapability }
    func present(_ canvas: Canvas) {
        inner.present(canvas)
        frameTimes.append(DispatchTime.now().uptimeNanoseconds)
    }
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent { inner.nextEvent(timeoutMilliseconds: timeoutMilliseconds) }
    func shutdown() { inner.shutdown() }
}
