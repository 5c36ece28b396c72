import ArgumentParser
import CivilTime
import ESafetyCore
import Foundation

/// `esafety sar PERSON [-o FILE]`, and `sar request|done|list`: subject access requests (UK GDPR).
struct SARCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sar",
        abstract: "Subject access: record a request (due in one calendar month), export what esafety holds about a person, mark it answered.",
        discussion: "Only leads. See docs/subject-access.md.",
        subcommands: [SARExportCommand.self, SARRequestCommand.self, SARDoneCommand.self, SARListCommand.self],
        defaultSubcommand: SARExportCommand.self)
}

/// `esafety sar [export] PERSON [-o FILE] [--withheld FILE]`.
struct SARExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything esafety holds about a person, other people's names replaced; the withheld list for the lead beside it.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "The person: full name, or id (P0007, pupil-0001).")
    var person: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the response here (readable by you only) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Write the withheld list here (default: FILE.withheld.txt beside -o, else standard error).", valueName: "FILE"))
    var withheld: String?

    func run() throws {
        let export = try session.run { workspace in try workspace.subjectAccessExport(person: person) }
        try OutputFile.write(export.text, to: output)
        if let list = withheld ?? output.map({ $0 + ".withheld.txt" }) {
            try OutputFile.write(export.withheldText, to: list)
            FileHandle.standardError.write(Data(TerminalText.safe("\(export.withheld.count) item(s) withheld: review \(list) before sending.\n").utf8))
        } else {
            FileHandle.standardError.write(Data(TerminalText.safe(export.withheldText).utf8))
        }
    }
}

/// `esafety sar request PERSON --from WHO [--received DATE]`.
struct SARRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Record a subject access request; it is due one calendar month on.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "Whose data is asked for.")
    var person: String

    @Option(help: ArgumentHelp("Who asked: the person, a parent, a solicitor.", valueName: "WHO"))
    var from: String

    @Option(help: ArgumentHelp("The day it was received (dd/mm/yyyy or yyyy-mm-dd; default today).", valueName: "DATE"))
    var received: String?

    func run() throws {
        var day: CivilDate?
        if let received {
            guard case .success(let parsed) = CivilDate.parse(received) else { throw UserFacingError("--received \(received) is not a date: use dd/mm/yyyy.") }
            day = parsed
        }
        let request = try session.run { workspace in try workspace.recordSubjectAccessRequest(subject: person, requestedBy: from, receivedOn: day) }
        say("Recorded \(request.id): due \(request.dueOn) (one calendar month after \(request.receivedOn)).")
    }
}

/// `esafety sar done ID`.
struct SARDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a subject access request answered.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "The request, such as SAR-0001.")
    var id: String

    func run() throws {
        let request = try session.run { workspace in try workspace.completeSubjectAccessRequest(id) }
        say("Marked \(request.id) answered on \(request.doneOn.map { "\($0)" } ?? "").")
    }
}

/// `esafety sar list`.
struct SARListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List subject access requests, newest first.")

    @OptionGroup var session: SessionOptions

    func run() throws {
        try session.sayDeadlines(empty: "No subject access requests have been recorded.") { try $0.subjectAccessRequests() }
    }
}
