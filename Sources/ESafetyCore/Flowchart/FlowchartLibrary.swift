import Foundation

/// Where the response flowchart lives: the default in `Resources/flowcharts/`, and the school's
/// copy in the store (`flowcharts/responding-to-incidents.json`), seeded when a store is created.
public enum FlowchartLibrary {
    /// The id (and file name) of the response flowchart.
    public static let respondingToIncidents = "responding-to-incidents"
    /// The store document of the school's copy.
    public static let document = "flowcharts/" + respondingToIncidents

    /// The chart shipped with esafety.
    public static func defaultChart() throws -> Flowchart {
        try DefaultResources.decode(Flowchart.self, from: "flowcharts/\(respondingToIncidents).json")
    }

    /// Reads a chart from a file a school edited. Errors name the file and say what is wrong.
    public static func load(file url: URL) throws -> Flowchart {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FlowchartFileError(path: url.path, reason: "cannot be read (\(error.localizedDescription))") }
        do {
            return try StoreJSON.makeDecoder().decode(Flowchart.self, from: data)
        } catch {
            throw FlowchartFileError(path: url.path, reason: StoreJSONDiagnostics.reason(for: error, data: data))
        }
    }

    /// Writes the default chart into a new store.
    static func seed(into store: Store, actor: AuditActor) throws {
        try store.save(try defaultChart(), to: document, actor: actor, action: "store.create", recordID: respondingToIncidents,
                       summary: "Created the response flowchart from the defaults")
    }
}

/// A chart file that cannot be read as a flowchart.
public struct FlowchartFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

extension Workspace {
    /// The school's response flowchart: its copy in the store, or the default for a store made
    /// before flowcharts existed.
    /// - Throws: a `StoreError` naming the file if the school's copy cannot be read.
    public func responseFlowchart() throws -> Flowchart {
        try store.load(Flowchart.self, from: FlowchartLibrary.document) ?? FlowchartLibrary.defaultChart()
    }

    /// Starts a walk of the school's chart, refusing a chart that `flowchart check` would fail.
    public func startWalk() throws -> FlowchartWalker {
        let chart = try responseFlowchart()
        let errors = FlowchartCheck.errors(in: chart)
        guard errors.isEmpty else { throw FlowchartError.unusableChart(errors.map(\.description)) }
        return try FlowchartWalker(chart: chart)
    }
}
