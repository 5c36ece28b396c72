import ArgumentParser
import ESafetyCore
import Foundation
import TerminalUI

/// `esafety report`: printable reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print an incident's report form, or the governors' anonymised figures.",
        subcommands: [IncidentReportCommand.self, FiguresReportCommand.self])
}

/// `esafety report incident ID`: the filled-in form, laid out like the paper one.
struct IncidentReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident",
        abstract: "Print an incident's report form, for the file and for the local authority's e-safety officer.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    @Argument(help: "The incident's id, such as 2026-0007.")
    var id: String

    @Option(help: "text (80 columns), markdown (CommonMark) or html (one printable page).")
    var format: IncidentReportText.Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (readable by you only) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let text = try StoreOptions.userFacing { () throws -> String in
            // Printing a report is audited, so it opens the store for writing (alongside any app
            // that has it open: commits take turns).
            let workspace = try Workspace.open(at: options.location, access: .readWrite, actor: options.actor)
            try signIn.signIn(workspace)
            try workspace.require(.exportIncidents)
            let log = try workspace.incidents()
            guard let record = try log.loadRecord(id) else {
                throw log.allIDs.contains(id) ? AccessError.restrictedIncident(id) : IncidentError.unknownIncident(id)
            }
            let text = IncidentReportText(record: record, form: log.form, profile: workspace.profile,
                                          contactOfficer: workspace.esafetyContact).render(format)
            try workspace.store.recordEvent(actor: workspace.actor, action: "incident.report", recordID: id,
                                            summary: "Printed the report of incident \(id) as \(format.rawValue)")
            return text
        }
        try OutputFile.write(text, to: output)
    }
}

/// `esafety report figures`: counts by type and term, with no names.
struct FiguresReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print the governors' figures: incidents by type and by term, consents and filtering checks, without names.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let (figures, policy, transfers) = try StoreOptions.userFacing { () throws -> (GovernorFigures, PolicyFigures, TransferFigures) in
            let workspace = try Workspace.open(at: options.location, access: .readOnly, actor: options.actor)
            return (try workspace.incidents().governorFigures(), try workspace.policyFigures(), try workspace.transferFigures())
        }
        say("Incidents recorded: \(figures.total)")
        say(transfers.sentence)
        say("\nBy type")
        let bars = { (counts: [GovernorFigures.Count]) in counts.map { BarChart.Bar($0.label, $0.count) } }
        BarChart(bars(figures.byType)).lines(width: 78).forEach { say($0) }
        say("\nBy term")
        BarChart(bars(figures.byTerm)).lines(width: 78).forEach { say($0) }
        say("")
        policy.lines.forEach { say($0) }
    }
}

extension IncidentReportText.Format: ExpressibleByArgument {}
