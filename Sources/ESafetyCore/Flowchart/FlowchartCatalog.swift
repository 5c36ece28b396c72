import Foundation

/// Every response chart a school can walk: the charts built into esafety (`Resources/flowcharts/`)
/// and the charts the school placed in its store's `flowcharts/` folder (a chart there with a
/// built-in chart's id replaces it). Each is checked as `esafety flowchart check` would; a chart
/// with errors is listed with its problems and cannot be walked.
public struct FlowchartCatalogEntry: Sendable {
    /// Where the chart came from.
    public enum Origin: String, Sendable {
        case builtIn = "built in"
        case store = "store"
    }

    /// The chart's id (for a file that cannot be read, its file name without `.json`).
    public var id: String
    public var origin: Origin
    /// The file, for a chart from the store.
    public var path: String?
    /// Nil when the file cannot be read as a chart; ``loadError`` then says why.
    public var chart: Flowchart?
    public var loadError: String?
    /// Everything `flowchart check` finds, errors and warnings.
    public var problems: [FlowchartProblem]

    public var title: String { chart?.title ?? "(cannot be read)" }
    public var version: Int? { chart?.version }
    /// True when the chart can be walked: it was read and has no errors.
    public var isSound: Bool { chart != nil && !problems.contains { $0.severity == .error } }

    /// "sound", or the problems in a line.
    public var verdict: String {
        if let loadError { return "cannot be read: \(loadError)" }
        let errors = problems.filter { $0.severity == .error }
        return errors.isEmpty ? "sound" : "\(errors.count) problem\(errors.count == 1 ? "" : "s"): " + errors.map(\.description).joined(separator: "; ")
    }
}

extension FlowchartLibrary {
    /// The ids of the charts built into esafety, the default one first.
    public static func builtInIDs() -> [String] {
        let ids = DefaultResources.paths.filter { $0.hasPrefix("flowcharts/") && $0.hasSuffix(".json") }
            .map { String($0.dropFirst("flowcharts/".count).dropLast(".json".count)) }
        return ids.sorted { ($0 == respondingToIncidents ? 0 : 1, $0) < ($1 == respondingToIncidents ? 0 : 1, $1) }
    }

    /// A chart built into esafety.
    public static func builtInChart(_ id: String) throws -> Flowchart {
        try DefaultResources.decode(Flowchart.self, from: "flowcharts/\(id).json")
    }

    /// Every chart: built in, or in a store's `flowcharts/` folder (nil: no store), checked.
    public static func catalog(storeDirectory: URL?, schoolChart: () throws -> Flowchart?, known: FlowchartCheck.KnownIDs) -> [FlowchartCatalogEntry] {
        var entries: [FlowchartCatalogEntry] = []
        func checked(_ id: String, _ origin: FlowchartCatalogEntry.Origin, path: String?, _ load: () throws -> Flowchart) -> FlowchartCatalogEntry {
            do {
                let chart = try load()
                return FlowchartCatalogEntry(id: chart.id, origin: origin, path: path, chart: chart, loadError: nil,
                                             problems: FlowchartCheck.problems(in: chart, known: known))
            } catch {
                return FlowchartCatalogEntry(id: id, origin: origin, path: path, chart: nil, loadError: String(describing: error), problems: [])
            }
        }
        for id in builtInIDs() { entries.append(checked(id, .builtIn, path: nil) { try builtInChart(id) }) }
        guard let storeDirectory else { return entries }
        let folder = storeDirectory.appendingPathComponent("flowcharts")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            let id = String(name.dropLast(".json".count))
            let url = folder.appendingPathComponent(name)
            // The school's copy of the default chart is a committed document: read it through the
            // store, which proves it against the audit log. Others are files the school placed.
            let entry = id == respondingToIncidents
                ? checked(id, .store, path: url.path) { try schoolChart() ?? defaultChart() }
                : checked(id, .store, path: url.path) { try load(file: url) }
            if let index = entries.firstIndex(where: { $0.id == entry.id }) { entries[index] = entry } else { entries.append(entry) }
        }
        return entries
    }
}

extension Workspace {
    /// Every chart this store can walk, checked (see ``FlowchartCatalogEntry``).
    public func flowchartCatalog() -> [FlowchartCatalogEntry] {
        let known = (try? FlowchartCheck.KnownIDs.defaults()) ?? FlowchartCheck.KnownIDs()
        return FlowchartLibrary.catalog(storeDirectory: store.directory, schoolChart: {
            try store.load(Flowchart.self, from: FlowchartLibrary.document)
        }, known: known)
    }

    /// Starts a walk of the chart with this id, refusing a chart that cannot be read or fails its check.
    public func startWalk(chartID: String) throws -> FlowchartWalker {
        guard let entry = flowchartCatalog().first(where: { $0.id == chartID }) else { throw FlowchartCatalogError.unknownChart(chartID, flowchartCatalog().map(\.id)) }
        guard let chart = entry.chart else { throw FlowchartError.unusableChart([entry.loadError ?? "it cannot be read"]) }
        let errors = FlowchartCheck.errors(in: chart)
        guard errors.isEmpty else { throw FlowchartError.unusableChart(errors.map(\.description)) }
        return try FlowchartWalker(chart: chart)
    }
}

/// A chart asked for by an id that no chart has.
public enum FlowchartCatalogError: Error, Equatable, CustomStringConvertible {
    case unknownChart(String, [String])

    public var description: String {
        switch self {
        case .unknownChart(let id, let known): return "There is no flowchart \(id); the charts are: \(known.joined(separator: ", "))."
        }
    }
}
