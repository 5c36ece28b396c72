import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety export roles|people`: writes records as JSON or CSV for other systems.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export roles, people, incidents, AUP signatures, image consents or filtering records as JSON or CSV.")

    enum What: String, ExpressibleByArgument, CaseIterable {
        case roles, people, incidents, signatures, consents, filtering
    }

    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    @Argument(help: "What to export: roles, people, incidents, signatures, consents or filtering.")
    var what: What

    @Option(help: "json or csv.")
    var format: ExportFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created readable by you only) instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let workspace: Workspace
        do {
            // Exporting incidents is audited, so it needs the store for writing.
            if what == .incidents { signIn.beginEarly(at: options.location) }
            workspace = try Workspace.open(at: options.location, access: what == .incidents ? .readWrite : .readOnly, actor: options.actor)
        } catch {
            throw UserFacingError(error)
        }
        let text: String
        switch what {
        case .roles: text = try DirectoryExport.roles(workspace.directory, format: format)
        case .people: text = try DirectoryExport.people(workspace.directory, format: format)
        case .incidents:
            text = try StoreOptions.userFacing { () throws -> String in
                // The files are read (not opened: no key yet) while the passphrase is stretched,
                // and used only where still as the audit log records them after sign-in.
                let readAhead = try IncidentReadAhead(workspace)
                try signIn.signIn(workspace)
                try workspace.require(.exportIncidents)
                let log = try workspace.incidentsReadInFull(readAhead: readAhead)  // every record is read: the index is not needed
                let records = try log.allRecords()
                let text = try IncidentExport.incidents(records, form: log.form, format: format)
                try workspace.store.recordEvent(actor: workspace.actor, action: "incident.export", recordID: nil,
                                                summary: "Exported \(records.count) incidents as \(format.rawValue)")
                return text
            }
        case .consents, .filtering:
            text = try StoreOptions.userFacing { try PolicyExportCommand.export(what == .consents ? .consents : .filtering, workspace, signIn, format) }
        case .signatures:
            return try StoreOptions.userFacing {
                try OutputFile.stream(to: output) { sink in try AUPExport.writeSignatures(workspace.aup, format: format, to: sink.write) }
            }
        }
        try OutputFile.write(text, to: output)
    }
}

extension ExportFormat: ExpressibleByArgument {}
