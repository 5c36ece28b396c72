import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety flowchart list [--store DIR]`: every response chart, built in or placed in the
/// store's `flowcharts/` folder, with its id, title, version and whether it is sound.
struct FlowchartListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every response chart (built in, and in the store's flowcharts/ folder): id, title, version, and whether it is sound. Exit 1 if any is not.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let entries = try StoreOptions.userFacing { () throws -> [FlowchartCatalogEntry] in
            let location = options.location
            guard Store.exists(at: location) else {
                return FlowchartLibrary.catalog(storeDirectory: nil, schoolChart: { nil }, known: try FlowchartCheck.KnownIDs.defaults())
            }
            let workspace = try Workspace.open(at: location, access: .readOnly, actor: options.actor)
            defer { workspace.store.close() }
            return workspace.flowchartCatalog()
        }
        let idWidth = max(4, entries.map(\.id.count).max() ?? 0)
        for entry in entries {
            let version = entry.version.map { "v\($0)" } ?? "-"
            say(entry.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  " + version.padding(toLength: 4, withPad: " ", startingAt: 0)
                + "  " + entry.origin.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + "  \(entry.title): \(entry.verdict)")
        }
        if entries.contains(where: { !$0.isSound }) { throw ExitCode(1) }
    }
}
