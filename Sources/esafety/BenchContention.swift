import ArgumentParser
import CivilTime
import ESafetyCore
import Foundation

/// `esafety bench contention --store DIR --processes 8 --seconds 60` (hidden): several esafety
/// processes saving at random on one store at once (signatures, follow-ups on incidents, new
/// incidents, new people in the directory), then the proof: every save any of them acknowledged
/// is in the store (no lost update), no incident id, person id or follow-up is given twice, and
/// `check` passes (the audit chain verifies and every document matches its last entry). Prints
/// the counts and the save latency's p50 and p99; exits 1 if anything was lost or doubled.
struct BenchContentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contention", shouldDisplay: false)

    @Option var store: String
    @Option var processes = 8
    @Option var seconds = 60.0
    @Option(help: "Each saver waits a random time up to this many milliseconds between saves (0: none).") var pauseMs = 100

    func run() throws {
        let children = try (0..<processes).map { index -> (Process, Pipe, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath()
            process.arguments = ["bench", "contend-child", "--store", store, "--seconds", String(seconds), "--seed", String(index + 1),
                                 "--pause-ms", String(pauseMs)]
            let output = Pipe(), start = Pipe()
            process.standardOutput = output
            process.standardInput = start
            try process.run()
            return (process, output, start)
        }
        // Every saver opens the store and decrypts its incidents first; saving starts only when
        // all are ready, so the latencies are of saves contending with saves, not with openings.
        var heads: [Data] = []
        for (_, output, _) in children { heads.append(Self.readThroughReady(output.fileHandleForReading)) }
        for (_, _, start) in children { start.fileHandleForWriting.write(Data("go\n".utf8)) }
        var lines: [Substring] = []
        var failures: [String] = []
        for ((process, pipe, _), head) in zip(children, heads) {
            let output = String(decoding: head + pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 { failures.append("a saver ended with status \(process.terminationStatus)") }
            lines += output.split(separator: "\n")
        }
        let latencies = lines.filter { $0.hasPrefix("lat ") }.compactMap { Double($0.split(separator: " ")[1]) }.sorted()
        let errors = lines.filter { $0.hasPrefix("error ") }
        let verdict = try ContentionProof.verify(store: store, acknowledged: lines.filter { !$0.hasPrefix("lat ") }.map(String.init))
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print("contention \(processes) processes, \(Int(seconds)) s, pauses up to \(pauseMs) ms")
        print("saves \(latencies.count)")
        print("errors \(errors.count)")
        print("lost \(verdict.lost.count)")
        print("duplicates \(verdict.duplicates.count)")
        print("check \(verdict.checkProblems.count)")
        print(String(format: "p50 %.2f", percentile(0.50)))
        print(String(format: "p99 %.2f", percentile(0.99)))
        for kind in ["sig", "fup", "inc", "person"] {
            let ofKind = lines.filter { $0.hasPrefix("lat ") && $0.hasSuffix(" " + kind) }
                .compactMap { Double($0.split(separator: " ")[1]) }.sorted()
            guard !ofKind.isEmpty else { continue }
            print("\(kind) \(ofKind.count) " + String(format: "p50 %.2f p99 %.2f", ofKind[ofKind.count / 2],
                                                        ofKind[min(ofKind.count - 1, Int(Double(ofKind.count) * 0.99))]))
        }
        for line in (errors.map(String.init) + verdict.lost + verdict.duplicates + verdict.checkProblems + failures).prefix(20) {
            print("problem \(TerminalText.safe(line))")
        }
        if !errors.isEmpty || !verdict.isClean || !failures.isEmpty || latencies.isEmpty { throw ExitCode(1) }
    }

    /// Reads a saver's output up to and including its "ready" line (or to its end, if it
    /// stopped first), returning what it read.
    private static func readThroughReady(_ handle: FileHandle) -> Data {
        var read = Data()
        while !String(decoding: read, as: UTF8.self).contains("ready\n") {
            let more = handle.availableData
            if more.isEmpty { break }
            read += more
        }
        return read
    }
}

/// What a contention run left: the acknowledged saves missing, the numbers given twice, and
/// what `check` says.
enum ContentionProof {
    struct Verdict {
        var lost: [String] = []
        var duplicates: [String] = []
        var checkProblems: [String] = []
        var isClean: Bool { lost.isEmpty && duplicates.isEmpty && checkProblems.isEmpty }
    }

    static func verify(store: String, acknowledged: [String]) throws -> Verdict {
        var verdict = Verdict()
        let workspace = try openBenchStore(store, access: .readOnly)
        defer { workspace.store.close() }
        try signInAsDemoHead(workspace)
        let log = try workspace.incidents()
        try workspace.aup.load()
        var seen: Set<String> = []
        for line in acknowledged {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count >= 2 else { continue }
            switch parts[0] {
            case "sig" where parts.count == 3:
                if workspace.aup.signatures(of: parts[1]).count < Int(parts[2]) ?? 0 { verdict.lost.append(line) }
            case "inc":
                if log.summary(parts[1]) == nil { verdict.lost.append(line) }
                if !seen.insert(line).inserted { verdict.duplicates.append("incident id given twice: \(parts[1])") }
            case "fup" where parts.count == 3:
                if log.summary(parts[1])?.followUps.contains(where: { String($0.id) == parts[2] }) != true { verdict.lost.append(line) }
                if !seen.insert(line).inserted { verdict.duplicates.append("follow-up given twice: \(parts[1]) #\(parts[2])") }
            case "person":
                if workspace.directory.person(parts[1]) == nil { verdict.lost.append(line) }
                if !seen.insert(line).inserted { verdict.duplicates.append("person id given twice: \(parts[1])") }
            default:
                continue
            }
        }
        let people = workspace.directory.people.map(\.id)
        if Set(people).count != people.count { verdict.duplicates.append("the directory holds a person id twice") }
        verdict.checkProblems = workspace.store.check().map(\.description)
        return verdict
    }
}

/// `esafety bench contend-child --store DIR --seconds N --seed S` (hidden): one of the
/// contention run's processes. Prints "ready", then a line per acknowledged save (`sig PERSON
/// COUNT`, `inc ID`, `fup INCIDENT NUMBER`, `person ID`) and `lat MS` with its latency.
struct BenchContendChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contend-child", shouldDisplay: false)

    @Option var store: String
    @Option var seconds = 60.0
    @Option var seed: UInt64 = 1
    @Option var pauseMs = 0

    func run() throws {
        let workspace = try openBenchStore(store, access: .readWrite)
        defer { workspace.store.close() }
        try signInAsDemoHead(workspace)
        let log = try workspace.incidents()
        try workspace.aup.load()
        let pupils = workspace.aup.people(in: .pupil)
        guard !pupils.isEmpty, !log.summaries.isEmpty else { throw UserFacingError("the store has no pupils or no incidents") }
        var random = BenchRandom(seed: seed)
        say("ready")
        _ = readLine()  // the contention run's "go": every saver starts saving at once
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        var round = 0
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let said: String
                let kind = random.below(4)
                switch kind {
                case 0:
                    let pupil = random.pick(pupils)
                    try workspace.aup.tick(personID: pupil.id)
                    said = "sig \(pupil.id) \(workspace.aup.signatures(of: pupil.id).count)"
                case 1:
                    let incident = random.pick(log.summaries)
                    let action = try log.addFollowUp(to: incident.id, what: "Contention follow-up \(seed)-\(round)", owner: nil,
                                                     ownerName: "Bench", due: workspace.today)
                    said = "fup \(incident.id) \(action.id)"
                case 2:
                    said = "inc \(try log.submit(benchIncidentReport(on: workspace.today, label: "contention \(seed)-\(round)")).id)"
                default:
                    said = "person \(try workspace.addPerson(fullName: "Contention Person \(seed)-\(round)").id)"
                }
                let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                say(said + "\nlat " + String(format: "%.3f", milliseconds) + " " + ["sig", "fup", "inc", "person"][kind])
            } catch {
                say("error \(error)")
            }
            round += 1
            if pauseMs > 0 { usleep(useconds_t(random.below(pauseMs * 1000))) }
        }
    }

    /// One write, unbuffered: what is printed was acknowledged.
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

/// A complete fictional incident report, as the bench's savers submit it.
func benchIncidentReport(on day: CivilDate, label: String) -> IncidentReport {
    var report = IncidentReport()
    report.occurredOn = day
    report.reporterName = "Bench Saver"
    report.reporterRole = "Office"
    report.location = .inSchool
    report.involved = [InvolvedParty(kind: .child, name: "A fictional child")]
    report.typeIDs = ["bullying"]
    report.riskAreaIDs = ["conduct"]
    report.description = "A fictional incident saved by the bench (\(label))."
    report.access = .deliberate
    report.materialUseIDs = ["transmitted"]
    report.childActions = [ActionTaken(itemID: "reported-head", by: "Bench Saver", on: day)]
    return report
}
