import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety acknowledge --reason TEXT [--accept FILE]...`: what an administrator does, after
/// looking, about what `esafety check` names and no backup can put right. Every act is a commit
/// of its own, so the loss and who accepted it stay in the record.
struct AcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: "Acknowledge lost or changed audit entries, or accept a document changed outside esafety (administrators).",
        discussion: """
            Without --accept, acknowledges every break in the audit log that `esafety check` names (entries lost, \
            changed or cut off, audit.head deleted or put back); until then esafety saves nothing. With --accept FILE, \
            records a document as it now is, as its next revision (after IT support repaired it by hand, say); use \
            `esafety restore FILE` instead to put back a daily backup. The reason is kept in the audit log.
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var signIn: SignInOptions

    @Option(help: "Why this is acknowledged: what was found and how it was checked.")
    var reason: String

    @Option(help: ArgumentHelp("Accept this document as it now is (repeat for several).", valueName: "FILE"))
    var accept: [String] = []

    func run() throws {
        try StoreOptions.userFacing {
            let workspace = try Workspace.open(at: options.location, access: .readWrite, actor: options.actor)
            defer { workspace.store.close() }
            try signIn.signInAsAdministrator(workspace, to: "acknowledge what esafety check names")
            let store = workspace.store
            let problems = try store.unacknowledgedLogProblems()
            if !problems.isEmpty {
                try store.acknowledgeLogProblems(reason: reason, actor: workspace.actor)
                for problem in problems { say("Acknowledged: \(problem)") }
            }
            for file in accept {
                try store.acceptDocument(file, reason: reason, actor: workspace.actor)
                say("Accepted \(TerminalText.safe(file)) as it is, as its next revision.")
            }
            if problems.isEmpty && accept.isEmpty {
                say("The audit log has no break to acknowledge; nothing was changed. (Name a document with --accept FILE.)")
            }
        }
    }
}
