import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety export roles|people`: writes records as JSON or CSV for other systems.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export roles, people, incidents or AUP signatures as JSON or CSV.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case roles, people, incidents, signatures
    }

    @OptionGroup var options: StoreOptions

    @Argument(help: "What to export: roles, people, incidents or signatures.")
    var what: What

    @Option(help: "json or csv.")
    var format: ExportFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created readable by you only) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let workspace: Workspace
        do {
            workspace = try Workspace.open(at: options.location, access: .readOnly, actor: options.actor)
        } catch {
            throw UserFacingError(error)
        }
        let text: String
        switch what {
        case .roles: text = try DirectoryExport.roles(workspace.directory, format: format)
        case .people: text = try DirectoryExport.people(workspace.directory, format: format)
        case .incidents:
            let log = try StoreOptions.userFacing { try workspace.incidents() }
            text = try IncidentExport.incidents(log.records, form: log.form, format: format)
        case .signatures: text = try AUPExport.signatures(workspace.aup, format: format)
        }
        try OutputFile.write(text, to: output)
    }
}

extension ExportFormat: ExpressibleByArgument {}
