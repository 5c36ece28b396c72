import ArgumentParser
import CivilTime
import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI

/// `esafety bench run`: every figure of DESIGN.md §6 with its unit and target, measured on a
/// generated store (scale 10 by default) and, for saves, on a scale-1 store too.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure first screen, loading, saving, filtering, drawing and memory against the targets.",
        discussion: "Without --store, stores are generated in a temporary folder (and removed after). Saves are made in the store measured.")

    @Option(help: ArgumentHelp("A store made by `bench generate` (else one is generated).", valueName: "DIR"))
    var store: String?

    @Option(help: "The scale to generate when no --store is given.")
    var scale = 10

    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        func generated(_ scale: Int) throws -> URL {
            let url = scratch.appendingPathComponent("scale-\(scale)")
            print("Generating scale \(scale) in \(url.path) …")
            let workspace = try BenchDataGenerator(scale: scale).generate(at: url)
            workspace.store.close()
            return url
        }
        do {
            let main = try store.map { URL(fileURLWithPath: $0) } ?? generated(scale)
            let small = try generated(1)
            let report = try MainActor.assumeIsolated { try BenchMeasurements(store: main, smallStore: small).measureAll() }
            print(report)
        } catch let error as UserFacingError {
            throw error
        } catch {
            throw UserFacingError(error)
        }
    }
}

/// The measurements of one `bench run`.
@MainActor
struct BenchMeasurements {
    let store: URL
    let smallStore: URL
    let actor = AuditActor(id: "bench:run", name: "bench run")

    private struct Row { var name: String; var value: Double; var unit: String; var target: String; var met: Bool? }

    func measureAll() throws -> String {
        var rows: [Row] = []
        let people = try countPeople()

        var starts: [(first: Double, complete: Double, megabytes: Double)] = []
        for _ in 0..<5 { starts.append(try firstScreenMilliseconds()) }
        let firstScreen = starts.map(\.first).sorted()[2]
        let complete = starts.map(\.complete).sorted()[2]
        rows.append(Row(name: "Cold start to first drawn screen (new process, 80x24)", value: firstScreen, unit: "ms", target: "< 200 ms", met: firstScreen < 200))
        rows.append(Row(name: "Cold start to the home dashboard filled in", value: complete, unit: "ms", target: "(follows the first frame)", met: nil))

        let load = try medianOf(3) { try milliseconds { try loadWholeStore(store) } }
        let python = try medianOf(3) { try pythonJSONLoadMilliseconds(store) }
        rows.append(Row(name: "Load the whole store (every document, decoded)", value: load, unit: "ms", target: "≤ python3", met: load <= python))
        rows.append(Row(name: "python3 json.load of the same files", value: python, unit: "ms", target: "reference", met: nil))
        rows.append(Row(name: "Ratio esafety / python3", value: load / max(python, 0.001), unit: "x", target: "≤ 1.0", met: load <= python))

        for (label, url) in [("scale 1", smallStore), ("this store", store)] {
            let (incident, signature) = try saveMilliseconds(url)
            rows.append(Row(name: "Save one incident change, \(label)", value: incident, unit: "ms", target: "< 10 ms", met: incident < 10))
            rows.append(Row(name: "Save one AUP signature, \(label)", value: signature, unit: "ms", target: "< 10 ms", met: signature < 10))
        }

        let (keystroke, rowsFiltered) = try keystrokeMilliseconds()
        rows.append(Row(name: "One keystroke in / filter over \(rowsFiltered) signatures (worst)", value: keystroke, unit: "ms", target: "< 16 ms", met: keystroke < 16))

        let (draw, screen) = try largestDrawMilliseconds()
        rows.append(Row(name: "Draw the largest screen (\(screen), 200x60)", value: draw, unit: "ms", target: "< 16 ms", met: draw < 16))

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let selfMB = Double(usage.ru_maxrss) / 1024
        let appMB = starts.map(\.megabytes).max() ?? 0
        rows.append(Row(name: "Peak memory, the app to its dashboard (its own ru_maxrss)", value: appMB, unit: "MB", target: "< 150 MB", met: appMB < 150))
        rows.append(Row(name: "Peak memory, this bench process (whole store loaded, 100k-row list)", value: selfMB, unit: "MB", target: "< 150 MB", met: selfMB < 150))

        var text = "esafety bench: \(store.path) (\(people) people on the roster)\n\n"
        text += "| Measure | Figure | Target | Met |\n|---|---:|---|---|\n"
        for row in rows {
            let figure = row.unit == "x" ? String(format: "%.2f x", row.value)
                : String(format: row.value >= 100 ? "%.0f %@" : "%.1f %@", row.value, row.unit)
            text += "| \(row.name) | \(figure) | \(row.target) | \(row.met.map { $0 ? "yes" : "NO" } ?? "") |\n"
        }
        return text
    }

    // MARK: Measures

    private func milliseconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    private func medianOf(_ count: Int, _ measure: () throws -> Double) rethrows -> Double {
        var values: [Double] = []
        for _ in 0..<count { values.append(try measure()) }
        values.sort()
        return values[values.count / 2]
    }

    private func open(_ url: URL, access: StoreAccess = .readOnly) throws -> Workspace {
        let workspace = try Workspace.open(at: url, access: access, actor: actor)
        try signInAsDemoHead(workspace)  // incidents are sealed: the bench reads them as a lead would
        let now = BenchDataGenerator.referenceNow
        workspace.now = { now }
        workspace.timeZone = TimeZone(identifier: "UTC") ?? .current
        return workspace
    }

    private func countPeople() throws -> Int {
        let workspace = try open(store)
        defer { workspace.store.close() }
        try workspace.aup.load()
        return workspace.aup.people.count
    }

    /// A new esafety process opens the store read-write and draws its first screen on a virtual
    /// terminal, then exits: timed from before the process is started until it has exited.
    private func firstScreenMilliseconds() throws -> (first: Double, complete: Double, megabytes: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath()
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = Bundle.main.executableURL
        }
        process.arguments = ["bench", "first-screen", "--store", store.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let ended = DispatchTime.now().uptimeNanoseconds
        guard process.terminationStatus == 0 else { throw UserFacingError("bench first-screen failed (status \(process.terminationStatus))") }
        // The child prints the monotonic clock (shared by every process) at each frame presented.
        let frames = output.split(separator: "\n").compactMap { UInt64($0) }
        let first = frames.first ?? ended
        let last = frames.last ?? ended
        let kilobytes = output.split(separator: "\n").first { $0.hasPrefix("rss ") }.flatMap { Double($0.dropFirst(4)) } ?? 0
        return (Double(first - start) / 1e6, Double(last - start) / 1e6, kilobytes / 1024)
    }

    /// Everything: profile, directory, AUP versions, roster and every year's signatures,
    /// every incident, the review schedule and calendar.
    private func loadWholeStore(_ url: URL) throws {
        let workspace = try open(url)
        defer { workspace.store.close() }
        _ = try workspace.aup.allSignatures()
        _ = try workspace.incidents().summaries.count
        _ = workspace.reviews.schedule.items.count
        if let problem = workspace.reviews.loadProblem { throw UserFacingError(problem) }
    }

    private func pythonJSONLoadMilliseconds(_ url: URL) throws -> Double {
        let script = """
            import json, os, sys, time
            root = sys.argv[1]
            paths = []
            for folder, dirs, files in os.walk(root):
                dirs[:] = [d for d in dirs if d != 'backups' and d != 'drafts']
                paths += [os.path.join(folder, f) for f in files if f.endswith('.json') and not f.startswith('.')]
            start = time.perf_counter()
            for p in paths:
                with open(p, 'rb') as f:
                    json.load(f)
            print((time.perf_counter() - start) * 1000)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let value = Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw UserFacingError("python3 could not be run for the reference figure") }
        return value
    }

    /// The median of 21 saves of one follow-up added to an incident, and of 21 signatures.
    private func saveMilliseconds(_ url: URL) throws -> (incident: Double, signature: Double) {
        let workspace = try open(url, access: .readWrite)
        defer { workspace.store.close() }
        let log = try workspace.incidents()
        try workspace.aup.load()
        guard let incident = log.summaries.first, let today = Optional(workspace.today) else { throw UserFacingError("no incidents to change") }
        let pupils = workspace.aup.people(in: .pupil)
        guard !pupils.isEmpty else { throw UserFacingError("no pupils to sign") }
        var incidentTimes: [Double] = []
        var signatureTimes: [Double] = []
        for round in 0..<21 {
            incidentTimes.append(try milliseconds {
                try log.addFollowUp(to: incident.id, what: "Bench follow-up \(round)", owner: nil, ownerName: "Bench", due: today)
            })
            let pupil = pupils[(round * 97) % pupils.count]
            signatureTimes.append(try milliseconds { try workspace.aup.tick(personID: pupil.id) })
        }
        return (incidentTimes.sorted()[10], signatureTimes.sorted()[10])
    }

    /// The signature list with the `/` filter, as `ListView` does it for every list: the worst of
    /// typing "zo" and "e" then deleting them, each key handled and the list drawn.
    private func keystrokeMilliseconds() throws -> (Double, Int) {
        let workspace = try open(store)
        defer { workspace.store.close() }
        let signatures = try workspace.aup.allSignatures()
        var names: [String: String] = [:]
        for person in workspace.aup.people { names[person.id] = person.fullName }
        let list = ListView(items: signatures) { signature in
            "\(names[signature.personID] ?? signature.personID) · \(signature.kind.rawValue) · \(signature.signedOn)"
        }
        var canvas = Canvas(size: Size(width: 200, height: 60))
        let rect = Rect(x: 0, y: 0, width: 200, height: 58)
        list.draw(into: &canvas, rect: rect, focused: true)
        _ = list.handle(key: .character("/"))
        var worst = 0.0
        for key: Key in [.character("z"), .character("o"), .character("e"), .backspace, .backspace, .backspace,
                         .character("a"), .character("b"), .backspace, .backspace] {
            let time = milliseconds {
                _ = list.handle(key: key)
                list.draw(into: &canvas, rect: rect, focused: true)
            }
            worst = max(worst, time)
        }
        return (worst, signatures.count)
    }

    /// The home screen with every dashboard section, and the incident log with every incident, at
    /// 200x60: the worst median of ten draws.
    private func largestDrawMilliseconds() throws -> (Double, String) {
        let workspace = try open(store)
        defer { workspace.store.close() }
        let terminal = VirtualTerminal(size: Size(width: 200, height: 60))
        let app = ESafetyApplication.make(terminal: terminal, workspace: workspace)
        var results: [(Double, String)] = []
        _ = app.draw()
        results.append((medianOf(10) { milliseconds { _ = app.draw() } }, "home dashboard"))
        app.process(.key(.character("1")))
        app.process(.key(.character("2")))
        _ = app.draw()
        results.append((medianOf(10) { milliseconds { _ = app.draw() } }, "incident log"))
        return results.max { $0.0 < $1.0 } ?? (0, "")
    }
}

/// `esafety bench first-screen --store DIR` (hidden): what the app does up to its first frame,
/// on a virtual terminal, then exits. Timed from outside by `bench run`.
struct BenchFirstScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "first-screen", shouldDisplay: false)

    @Option var store: String

    func run() throws {
        try MainActor.assumeIsolated {
            let workspace = try Workspace.open(at: URL(fileURLWithPath: store), access: .readWrite,
                                               actor: AuditActor(id: "bench:run", name: "bench run"))
            defer { workspace.store.close() }
            // What a person sees first on a store with accounts: the sign-in screen.
            let now = BenchDataGenerator.referenceNow
            workspace.now = { now }
            let terminal = FrameClockTerminal(VirtualTerminal(size: Size(width: 80, height: 24)))
            let app = ESafetyApplication.make(terminal: terminal, workspace: workspace, deferDashboard: true)
            app.run()  // draws the first screen (and the dashboard after it), then the input ends
            guard terminal.inner.presentCount >= 1, terminal.inner.text.contains(workspace.profile.schoolName) else {
                throw UserFacingError("the first screen was not drawn")
            }
            print(terminal.frameTimes.map(String.init).joined(separator: "\n"))
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print("rss \(usage.ru_maxrss)")  // kilobytes, on Linux
        }
    }
}

/// `esafety bench load --store DIR` (hidden): reads every document once, for profiling.
struct BenchLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", shouldDisplay: false)

    @Option var store: String

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let workspace = try Workspace.open(at: URL(fileURLWithPath: store), access: .readWrite,
                                           actor: AuditActor(id: "bench:run", name: "bench run"))
        try signInAsDemoHead(workspace)
        let signatures = try workspace.aup.allSignatures().count
        let middle = DispatchTime.now().uptimeNanoseconds
        let incidents = try workspace.incidents().summaries.count
        let end = DispatchTime.now().uptimeNanoseconds
        print("\(signatures) signatures in \((middle - start) / 1_000_000) ms; \(incidents) incidents in \((end - middle) / 1_000_000) ms")
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
