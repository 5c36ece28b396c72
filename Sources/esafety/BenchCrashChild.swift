import ArgumentParser
import CivilTime
import ESafetyCore
import Foundation

/// `esafety bench crash-child --store DIR` (hidden): saves in a loop (an AUP signature, then an
/// incident, and so on) and prints one line for each save acknowledged, i.e. returned from
/// `Workspace`: `sig PERSON-ID COUNT` (the person has COUNT signatures) or `inc INCIDENT-ID`.
/// The crash test kills it with SIGKILL at random moments, then runs `bench crash-verify`.
struct BenchCrashChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crash-child", shouldDisplay: false)

    @Option var store: String
    @Option(help: "Stop after this many saves (0: until killed).") var count = 0

    func run() throws {
        let workspace = try Workspace.open(at: URL(fileURLWithPath: store), access: .readWrite,
                                           actor: AuditActor(id: "bench:crash", name: "crash test"))
        try signInAsDemoHead(workspace)
        let log = try workspace.incidents()
        try workspace.aup.load()
        let people = workspace.aup.people(in: .pupil)
        guard !people.isEmpty else { throw UserFacingError("the store has no pupils") }
        var round = 0
        acknowledge("ready")
        while count == 0 || round < count {
            if round % 2 == 0 {
                let person = people[(round / 2 + Int(getpid())) % people.count]
                try workspace.aup.tick(personID: person.id)
                acknowledge("sig \(person.id) \(workspace.aup.signatures(of: person.id).count)")
            } else {
                let report = benchIncidentReport(on: workspace.today, label: "crash test \(round)")
                let record = try log.submit(report)
                acknowledge("inc \(record.id)")
            }
            round += 1
        }
        workspace.store.close()
    }

    /// One line, written at once with no buffering, so what is printed was acknowledged.
    private func acknowledge(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

/// `esafety bench crash-verify --store DIR --acks FILE...` (hidden): opens the store read-write as
/// the app does (which puts right a save cut short: see `Store+Recovery.swift`), then exits 0
/// when every save listed in FILE (lines printed by `crash-child`) is in it, else 1 naming the
/// ones missing.
struct BenchCrashVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crash-verify", shouldDisplay: false)

    @Option var store: String
    @Option(help: "A file of lines printed by crash-child (repeat for several savers).") var acks: [String]

    func run() throws {
        let workspace = try Workspace.open(at: URL(fileURLWithPath: store), access: .readWrite,
                                           actor: AuditActor(id: "bench:crash", name: "crash test"))
        try signInAsDemoHead(workspace)
        defer { workspace.store.close() }
        let log = try workspace.incidents()
        try workspace.aup.load()
        let text = try acks.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
        var checked = 0
        var missing: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2 else { continue }  // "ready", or a line cut off by the kill
            switch parts[0] {
            case "sig" where parts.count == 3:
                guard let wanted = Int(parts[2]) else { continue }
                if workspace.aup.signatures(of: parts[1]).count < wanted { missing.append(String(line)) }
                checked += 1
            case "inc":
                // Listed from a file opened whole: either just now, or before, when the file had
                // the stamp it has now (see IncidentIndex). New files since the last trial are
                // opened whole as the log opens; opening every earlier one again each trial only
                // made the test slower as it went.
                if log.summary(parts[1]) == nil { missing.append(String(line)) }
                checked += 1
            default: continue
            }
        }
        if !missing.isEmpty {
            throw UserFacingError("\(missing.count) of \(checked) acknowledged saves are missing: \(missing.joined(separator: "; "))")
        }
        print("OK: all \(checked) acknowledged saves are in the store.")
    }
}

/// A generated store opened by a bench child process, with the generator's fixed clock.
func openBenchStore(_ path: String, access: StoreAccess) throws -> Workspace {
    let workspace = try Workspace.open(at: URL(fileURLWithPath: path), access: access, actor: AuditActor(id: "bench:run", name: "bench run"))
    let now = BenchDataGenerator.referenceNow
    workspace.now = { now }
    return workspace
}

/// Runs `body` on the main actor with the store at `path` open for writing, as the bench's
/// app children do, and closes the store after.
func withBenchStore(_ path: String, _ body: @MainActor (Workspace) throws -> Void) throws {
    try MainActor.assumeIsolated {
        let workspace = try openBenchStore(path, access: .readWrite)
        defer { workspace.store.close() }
        try body(workspace)
    }
}

/// The crash test runs on a generated store, which is a demo store with accounts: it signs in
/// as the demo's head teacher, who may record and read incidents.
func signInAsDemoHead(_ workspace: Workspace) throws {
    let accounts = try workspace.accounts()
    guard accounts.isSetUp, let head = workspace.directory.holders(of: Role.WellKnown.headTeacher).first else { return }
    workspace.session = try accounts.signIn(personID: head.id, passphrase: DemoData.passphrase)
}
