import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety aup missing|publish`: the AUP records without the UI.
struct AUPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aup",
        abstract: "AUP signatures: who has not signed this school year; publish a new text.",
        subcommands: [Missing.self, Publish.self])

    /// `esafety aup missing [--group GROUP]`.
    struct Missing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List who has not signed their AUP this school year, with counts by group, year group and class.")

        @OptionGroup var options: StoreOptions

        @Option(help: "Only this group: pupil, staff, governor, guest or parent.")
        var group: String?

        func run() throws {
            var chosen: RosterGroup?
            if let group {
                guard let parsed = RosterGroup.parse(group) else {
                    throw UserFacingError("“\(group)” is not a group; use pupil, staff, governor, guest or parent.")
                }
                chosen = parsed
            }
            do {
                let workspace = try Workspace.open(at: options.location, access: .readOnly, actor: options.actor)
                try workspace.aup.load()
                say(AUPExport.missingText(workspace.aup, group: chosen, today: workspace.today), terminator: "")
            } catch {
                throw UserFacingError(error)
            }
        }
    }

    /// `esafety aup publish KIND FILE`.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a new text of an AUP (pupil, staff or parent); everyone on an older version is due again.")

        @OptionGroup var session: SessionOptions

        @Argument(help: "pupil, staff or parent.")
        var kind: String

        @Argument(help: "A UTF-8 text file with the new text.")
        var file: String

        func run() throws {
            guard let aup = AUPKind(rawValue: kind.lowercased()) else { throw UserFacingError("“\(kind)” is not an AUP; use pupil, staff or parent.") }
            let text = try StoreOptions.userFacing { try String(contentsOfFile: file, encoding: .utf8) }
            let version = try session.run { workspace in try workspace.aup.publish(kind: aup, text: text) }
            say("Published \(aup.title) version \(version.id).")
        }
    }
}
