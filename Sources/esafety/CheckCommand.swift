import ArgumentParser
import ESafetyCore

/// `esafety check`: validates every file of the store without changing any.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store's files; exit 0 if all are sound, 1 naming each bad file and why.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let location = options.location
        let store: Store
        do {
            store = try Store.open(at: location, access: .readOnly)
        } catch {
            throw UserFacingError(error)
        }
        let report = store.checkReport(shapes: Workspace.shapeCheck)
        var problems = report.problems
        // The documents must also decode as esafety records, not only as JSON.
        var fingerprint: String?
        do {
            let workspace = try Workspace.openForChecking(at: location, actor: options.actor)
            fingerprint = try? workspace.accounts().fingerprint
            // Every area's records: incidents, AUP roster and signatures, reviews; duplicate ids.
            for problem in workspace.checkRecords(after: report) + workspace.checkSignatures(of: report)
            where !problems.contains(where: { $0.file == problem.file && $0.problem == problem.problem }) {
                problems.append(problem)
            }
        } catch let StoreError.corrupt(file, reason) {
            // Decodes as JSON but not as esafety's records (a wrong type, a duplicate id).
            if !problems.contains(where: { $0.file == file && $0.problem == reason }) {
                problems.append(StoreProblem(file: file, problem: reason))
            }
        } catch {
            let text = String(describing: error)
            if !problems.contains(where: { text.contains($0.file) }) { problems.append(StoreProblem(file: "(records)", problem: text)) }
        }
        if let fingerprint {
            say("Root key fingerprint: \(fingerprint) (compare it with the one written down at set-up)")
        }
        for acknowledged in report.acknowledged {
            say(("Acknowledged (entry \(acknowledged.sequence), \(AuditFormatting.timestamp(acknowledged.at)), "
                                    + "\(acknowledged.by.name)): \(acknowledged.key). \(acknowledged.reason)"))
        }
        if problems.isEmpty {
            say("OK: the store at \(location.path) is sound: every document matches its last audit entry.")
            return
        }
        for problem in problems { say("\(problem.file): \(problem.problem)") }
        say("\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(location.path); nothing was changed.")
        throw ExitCode(1)
    }
}
