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
        var problems = store.check()
        // The documents must also decode as esafety records, not only as JSON.
        do {
            let workspace = try Workspace.open(at: location, access: .readOnly, actor: options.actor)
            // Every area's records: incidents, AUP roster and signatures, reviews; duplicate ids.
            for problem in workspace.checkRecords()
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
        if problems.isEmpty {
            print("OK: the store at \(location.path) is sound.")
            return
        }
        for problem in problems { print("\(problem.file): \(problem.problem)") }
        print("\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(location.path); nothing was changed.")
        throw ExitCode(1)
    }
}
