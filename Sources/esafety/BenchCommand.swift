import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety bench`: fictional data and the performance figures of DESIGN.md §6 (see the README's
/// "Performance and robustness" section). Not for schools' day-to-day use.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Generate fictional data at scale and measure esafety against its targets.",
        subcommands: [BenchGenerateCommand.self, BenchRunCommand.self, BenchFirstScreenCommand.self, BenchAppSessionCommand.self, BenchCrashChildCommand.self, BenchCrashVerifyCommand.self, BenchLoadCommand.self, BenchContentionCommand.self, BenchContendChildCommand.self,
                      BenchWatchCommand.self])
}

/// `esafety bench generate --store DIR --scale N`.
struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Create a store of fixed fictional data: scale 1 is a large primary over ten years; 10 is the stress case.")

    @Option(help: ArgumentHelp("The new store's folder (must not hold a store).", valueName: "DIR"))
    var store: String

    @Option(help: "1: 600 people, 10,000 AUP signatures, 500 incidents, 100 review records; N times that for N.")
    var scale = 1

    func run() throws {
        let location = URL(fileURLWithPath: store)
        let generator = BenchDataGenerator(scale: scale)
        let started = Date()
        do {
            let workspace = try generator.generate(at: location) { print("  writing \($0)") }
            workspace.store.close()
        } catch {
            throw UserFacingError(error)
        }
        let counts = generator.counts
        print(String(format: "Generated scale %d at %@ in %.1f s: %d people, %d AUP signatures, %d incidents, %d review records.",
                     scale, location.path, Date().timeIntervalSince(started), counts.people, counts.signatures,
                     counts.incidents, counts.reviewRecords))
    }
}
