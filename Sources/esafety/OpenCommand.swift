import ArgumentParser
import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI

/// `esafety` (or `esafety open`): the application, in this terminal.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the application in this terminal (the default).")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Look without changing anything (also what you get while another esafety has the store open).")
    var readOnly = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Refuse before touching the store or the terminal when there is no usable terminal.
        if case .failure(let reason) = TerminalCheck.verify(environment: environment) {
            throw UserFacingError(reason)
        }
        let workspace: Workspace
        do {
            workspace = try Workspace.openOrCreate(at: options.location, access: readOnly ? .readOnly : .readWrite, actor: options.actor)
        } catch {
            throw UserFacingError(error)
        }
        let signal: Int32? = try MainActor.assumeIsolated {
            let terminal = try CursesTerminal.start(environment: environment)
            let app = ESafetyApplication.make(terminal: terminal, workspace: workspace)
            app.run()
            terminal.shutdown()
            return TerminalLifecycle.receivedTerminationSignal
        }
        workspace.store.close()
        if let signal { throw ExitCode(128 + signal) }
    }
}
