import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety restore FILE [--day yyyy-mm-dd]`: puts one document back from the store's daily backups.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a document back as it was in the store's daily backup (backups/daily/).",
        discussion: """
            FILE is the path `esafety check` names, such as incidents/2026-0007.json. Without --day the newest \
            backup is used; --list shows the days there are. The file being replaced is kept under \
            backups/replaced/, and the restore is recorded in the audit log. Run `esafety check` afterwards.
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    @Argument(help: "The document, as `esafety check` names it (e.g. incidents/2026-0007.json).")
    var file: String

    @Option(help: ArgumentHelp("The day of the backup to use.", valueName: "yyyy-mm-dd"))
    var day: String?

    @Flag(help: "List the days that have a backup of FILE, newest first, and change nothing.")
    var list = false

    func run() throws {
        try StoreOptions.userFacing {
            if list {
                let store = try Store.open(at: options.location, access: .readOnly)
                defer { store.close() }
                let days = store.backupDays(of: file)
                say(days.isEmpty ? "There is no backup of \(file)." : days.joined(separator: "\n"))
                return
            }
            // A restore replaces a record: an administrator's act, signed and audited.
            let workspace = try Workspace.open(at: options.location, access: .readWrite, actor: options.actor)
            defer { workspace.store.close() }
            try signIn.signInAsAdministrator(workspace, to: "restore a document")
            let store = workspace.store
            if day == nil && store.backupDays(of: file).isEmpty && !Workspace.isSecurityDocument(file) {
                throw UserFacingError("There is no backup of \(file) under \(Store.dailyBackupsFolder)/: a copy is made only when a "
                    + "document is changed, once a day. Restore it from your own backup of the store folder, then run esafety check.")
            }
            let result = try workspace.restore(file, fromDay: day)
            say(("Restored \(file) from the backup of \(result.day)."
                  + (result.keptAt.map { " The file it replaced is kept at \($0)." } ?? "")))
        }
    }
}
