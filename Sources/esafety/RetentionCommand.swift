import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety retention list|destroy`: child-protection records past DOB + 25 years (IRMS toolkit).
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "List incident records past retention (the pupil's date of birth + 25 years) and destroy one, with a reason.",
        discussion: "Only leads. Destroying leaves a tombstone in the audit log and removes the record from backups/. See docs/retention.md.",
        subcommands: [RetentionListCommand.self, RetentionDestroyCommand.self])
}

/// `esafety retention list`.
struct RetentionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Records past retention, with the pupil's date of birth.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    func run() throws {
        let lines = try StoreOptions.userFacing { () throws -> [String] in
            let workspace = try TransferCommand.workspace(options, signIn)
            defer { workspace.store.close() }
            return try workspace.recordsPastRetention().map { entry in
                "\(entry.record.summary): born \(entry.record.pupilDateOfBirth.map { "\($0)" } ?? "?"), retention ended \(entry.reviewDate)"
            }
        }
        if lines.isEmpty { say("No record is past retention.") }
        lines.forEach { say($0) }
    }
}

/// `esafety retention destroy ID --reason TEXT`.
struct RetentionDestroyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "destroy", abstract: "Destroy an incident record past retention.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    @Argument(help: "The incident, such as 2026-0001.")
    var id: String

    @Option(help: ArgumentHelp("Why (the retention review that decided it).", valueName: "TEXT"))
    var reason: String

    func run() throws {
        let tombstone = try StoreOptions.userFacing { () throws -> String in
            let workspace = try TransferCommand.workspace(options, signIn)
            defer { workspace.store.close() }
            return try workspace.destroyRecord(id, reason: reason)
        }
        say(tombstone + ".")
    }
}
