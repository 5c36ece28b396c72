import ArgumentParser
import ESafetyCore

/// The `esafety` command: with no subcommand it opens the application on the store.
@main
struct ESafetyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "esafety",
        abstract: "Runs a school's e-safety policy: incidents, the response flowchart, roles, AUP signatures and reviews.",
        discussion: """
            With no subcommand, esafety opens the application in this terminal. The store is a folder of \
            JSON files: --store DIR, else $ESAFETY_STORE, else $XDG_DATA_HOME/esafety, else ~/.local/share/esafety. \
            It is created with the defaults on first use.
            """,
        version: ESafetyCoreVersion.version,
        subcommands: [OpenCommand.self, InitCommand.self, ExportCommand.self, ReportCommand.self, CheckCommand.self,
                      AUPCommand.self, ImportCommand.self, ReviewsCommand.self, FlowchartCommand.self, RestoreCommand.self,
                      AcknowledgeCommand.self, ConsentCommand.self, FilteringCommand.self, TransferCommand.self, SARCommand.self,
                      RetentionCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self)

    static func main() {
        PeakMemory.reportAtExitIfAsked()
        main(nil)
    }
}
