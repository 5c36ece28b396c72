import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety transfer key|out|in|receipt|list`: child-protection files between schools (KCSIE).
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Send a pupil's child-protection file to their new school, receive one, and confirm receipt.",
        discussion: """
            The receiving school runs `esafety transfer key` and gives the text to the sending school, which runs \
            `esafety transfer out PUPIL --to KEY -o FILE` and sends the file. The receiving school runs \
            `esafety transfer in FILE`, which prints a receipt code; the sending school records it with \
            `esafety transfer receipt CODE`. Only leads may transfer. See docs/transfers.md.
            """,
        subcommands: [TransferKeyCommand.self, TransferOutCommand.self, TransferInCommand.self, TransferReceiptCommand.self,
                      TransferListCommand.self])
}

/// `esafety transfer key`: only the key on standard output, so `--to "$(esafety transfer key)"` works.
struct TransferKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print this school's public transfer key, to give to a school sending a file (a lead makes it the first time).")

    @OptionGroup var session: SessionOptions

    func run() throws {
        // Printing a key made already needs nobody signed in: it is public.
        let key = try session.run(signingIn: session.signIn.user != nil) { workspace in try workspace.transferKey() }
        say(key.text)
    }
}

/// `esafety transfer out PUPIL --to KEY -o FILE`.
struct TransferOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "out",
        abstract: "Seal a pupil's child-protection file (every incident, walk and follow-up) to the receiving school's key.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "The pupil: their name as on the roster, or their id (pupil-0001).")
    var pupil: String

    @Option(help: ArgumentHelp("The receiving school's transfer key, as `esafety transfer key` printed it there.", valueName: "KEY"))
    var to: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The bundle to write (created readable by you only).", valueName: "FILE"))
    var output: String

    func run() throws {
        let sent = try session.run { workspace in
            try workspace.transferOut(pupil: pupil, to: to) { bundle in
                try OutputFile.write(String(decoding: bundle, as: UTF8.self), to: output)
            }
        }
        say("Transfer \(sent.id): \(sent.incidentIDs.count) incident\(sent.incidentIDs.count == 1 ? "" : "s") of \(sent.pupilName) "
            + "sealed to \(sent.otherSchool) in \(output).")
        say("Send it to them separately from the main pupil file. Receipt due by \(sent.dueOn.map { "\($0)" } ?? "?") (5 school days): "
            + "record their receipt code with `esafety transfer receipt CODE`.")
    }
}

/// `esafety transfer in FILE`.
struct TransferInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in",
        abstract: "Import a child-protection file sealed to this school as the pupil's prior records, and print the receipt code.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "The bundle the sending school sent.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UserFacingError("Cannot read \(file): there is no such file, or it is not readable. Nothing was imported.")
        }
        let received = try session.run { workspace in try workspace.transferIn(bundle: data) }
        say("Imported \(received.incidentIDs.count) prior record\(received.incidentIDs.count == 1 ? "" : "s") of \(received.pupilName) "
            + "from \(received.otherSchool): \(received.incidentIDs.joined(separator: ", ")) (read-only).")
        say("Give this code to \(received.otherSchool) to confirm receipt.")
        say("Receipt code: \(received.receiptCode ?? "")")
    }
}

/// `esafety transfer receipt CODE`.
struct TransferReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Record the receipt code the receiving school gave for a file sent.")

    @OptionGroup var session: SessionOptions

    @Argument(help: "The receipt code, such as ABCD-EF23.")
    var code: String

    func run() throws {
        let done = try session.run { workspace in try workspace.recordTransferReceipt(code: code) }
        say("Recorded the receipt of transfer \(done.id): \(done.pupilName)'s file at \(done.otherSchool).")
    }
}

/// `esafety transfer list`.
struct TransferListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the files sent and received, newest first.")

    @OptionGroup var session: SessionOptions

    func run() throws {
        try session.sayDeadlines(empty: "No child-protection files have been sent or received.") { try $0.transfers() }
    }
}
