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

    @OptionGroup var session: SessionOptions

    func run() throws {
        let lines = try session.run { workspace in
            try workspace.recordsPastRetention().map { entry in
                "\(entry.record.summary): born \(entry.record.pupilDateOfBirth.map { "\($0)" } ?? "?"), retention ended \(entry.reviewDate)"
            }
        }
        sayLines(lines, empty: "No record is past retention.")
    }
}

/// `esafety retention destroy ID --reason TEXT`.
struct RetentionDestroyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "destroy", abstract: "Destroy an incident record past retention.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "The incident, such as 2026-0001.")
    var id: String

    @Option(help: ArgumentHelp("Why (the retention review that decided it).", valueName: "TEXT"))
    var reason: String

    func run() throws {
        let tombstone = try session.run { workspace in try workspace.destroyRecord(id, reason: reason) }
        say(tombstone + ".")
    }
}
