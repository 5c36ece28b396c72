import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety flowchart`: check a response flowchart, or draw it.
struct FlowchartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowchart",
        abstract: "Check a response flowchart file, write it as Graphviz DOT, or list every chart.",
        discussion: "Without FILE: the store's copy of the chart if there is a store, else the chart built into esafety.",
        subcommands: [FlowchartCheckCommand.self, FlowchartDotCommand.self, FlowchartListCommand.self])
}

/// The flowchart a command reads: FILE if given, else the store's copy if there is a store,
/// else the chart built into esafety.
struct FlowchartFileOptions: ParsableArguments {
    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp("The flowchart JSON file.", valueName: "FILE"))
    var file: String?

    /// The chart, and how to name it in messages.
    func chart() throws -> (Flowchart, String) {
        try StoreOptions.userFacing {
            if let file { return (try FlowchartLibrary.load(file: URL(fileURLWithPath: file)), file) }
            let location = options.location
            if Store.exists(at: location) {
                let workspace = try Workspace.open(at: location, access: .readOnly, actor: options.actor)
                return (try workspace.responseFlowchart(), "the store's flowchart (\(location.path))")
            }
            return (try FlowchartLibrary.defaultChart(), "the built-in flowchart")
        }
    }
}

/// `esafety flowchart check [FILE]`.
struct FlowchartCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a flowchart: every option leads to a step that exists, every step is reachable, every path ends in an outcome, no loop without a way out. Exit 1 naming each problem's step.")

    @OptionGroup var source: FlowchartFileOptions

    func run() throws {
        let (chart, name) = try source.chart()
        let known = try StoreOptions.userFacing { try FlowchartCheck.KnownIDs.defaults() }
        let problems = FlowchartCheck.problems(in: chart, known: known)
        for problem in problems { say("\(name): \(problem)") }
        let errors = problems.filter { $0.severity == .error }.count
        if errors == 0 {
            let paths = FlowchartCheck.paths(in: chart).count
            say("OK: \(name) is sound: \(chart.steps.count) steps, \(paths) paths, each ending in an outcome.")
            return
        }
        say("\(errors) problem\(errors == 1 ? "" : "s") found in \(name).")
        throw ExitCode(1)
    }
}

/// `esafety flowchart dot [FILE]`.
struct FlowchartDotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dot",
        abstract: "Write a flowchart as Graphviz DOT, e.g. esafety flowchart dot | dot -Tpng -o flowchart.png")

    @OptionGroup var source: FlowchartFileOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let (chart, _) = try source.chart()
        try OutputFile.write(FlowchartDiagram.dot(chart), to: output)
    }
}
