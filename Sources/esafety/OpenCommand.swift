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

    @Flag(help: "Look without changing anything. (Other sessions may use the store at the same time either way.)")
    var readOnly = false

    @Option(help: ArgumentHelp("Lock the terminal (sign out, keeping unfinished work) after this many seconds without a key; 0 never locks.", valueName: "SECONDS"))
    var lockAfter: Int = ESafetyApplication.defaultIdleSeconds

    @Flag(help: "Draw boxes, bars and arrows in plain ASCII (automatic where the terminal or the locale has no line drawing).")
    var ascii = false

    @Flag(help: ArgumentHelp("Use the high-contrast colours (also ESAFETY_THEME=high-contrast). NO_COLOR still turns colour off."))
    var highContrast = false

    func run() throws {
        var environment = ProcessInfo.processInfo.environment
        if highContrast { environment[Theme.themeVariable] = "high-contrast" }
        // Refuse before touching the store or the terminal when there is no usable terminal.
        if case .failure(let reason) = TerminalCheck.verify(environment: environment) {
            throw UserFacingError(reason)
        }
        let location = options.location
        let actor = options.actor
        let access: StoreAccess = readOnly ? .readOnly : .readWrite
        let now = try TodayOverride.clock(environment: environment)
        // The whole application lives on the main actor, which this thread is.
        let exitStatus: Int32? = try MainActor.assumeIsolated {
            let workspace: Workspace
            do {
                workspace = try Workspace.openOrCreate(at: location, access: access, actor: actor)
            } catch {
                throw UserFacingError(error)
            }
            defer { workspace.store.close() }
            workspace.now = now
            let terminal = try CursesTerminal.start(environment: environment)
            let app = ESafetyApplication.make(terminal: terminal, workspace: workspace, idleSeconds: lockAfter, deferDashboard: true)
            app.asciiOnly = ascii || !terminal.hasLineDrawing
            app.run()
            terminal.shutdown()
            if let signal = TerminalLifecycle.receivedTerminationSignal {
                return TerminalLifecycle.exitStatus(for: signal)
            }
            if terminal.lostTerminal {
                FileHandle.standardError.write(Data("esafety: the terminal went away; work in progress was kept.\n".utf8))
                return 1
            }
            return nil
        }
        if let exitStatus { throw ExitCode(exitStatus) }
    }
}
