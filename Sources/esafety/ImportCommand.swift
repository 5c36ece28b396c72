import ArgumentParser
import ESafetyCore
import Foundation

/// `esafety import people FILE.csv [--mapping ...]`: the roster import without the UI, with the
/// same checks: all or nothing, bad rows named by line number.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import people into the AUP roster, or pupils' image consent, from a CSV file (all or nothing).")

    enum What: String, ExpressibleByArgument, CaseIterable { case people, consents }

    @OptionGroup var session: SessionOptions

    @Argument(help: "What to import: people (the roster), or consents (the roster file's consent columns; pupils must be on the roster).")
    var what: What

    @Argument(help: "The CSV file, with a header line.")
    var file: String

    @Option(help: ArgumentHelp("Which column holds which field, e.g. \"name=Full Name,class=Reg Group,dob=DOB\". Fields: "
                               + ImportMapping.Field.allCases.map(\.rawValue).joined(separator: ", ") + ". Unmapped fields are guessed from the header.",
                               valueName: "MAPPING"))
    var mapping: String?

    @Option(name: .customLong("form-version"), help: "consents: the consent form's version, when the file has no column for it.")
    var formVersion: String?

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw UserFacingError("Cannot read \(file) as UTF-8 text: \(error.localizedDescription)")
        }
        try session.run { workspace in
            if what == .consents {
                let plan = try ConsentImport.plan(csv: text, sourceName: URL(fileURLWithPath: file).lastPathComponent,
                                                  defaultFormVersion: formVersion, register: workspace.consents)
                say("Consent columns: " + plan.columns.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) ← \($0.value)" }.joined(separator: ", "))
                try workspace.consents.apply(plan)
                say("Imported \(plan.summary).")
                return
            }
            let showProgress = isatty(STDERR_FILENO) == 1
            let plan = try PeopleImport.plan(csv: text, sourceName: URL(fileURLWithPath: file).lastPathComponent, mappingText: mapping,
                                             register: workspace.aup) { done, total in
                guard showProgress, total > 0 else { return }
                let width = 30, filled = done * width / total
                FileHandle.standardError.write(Data("\rChecking [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            }
            say("Columns: \(plan.mapping.summary)")
            try workspace.aup.apply(plan)
            say("Imported \(plan.summary).")
        }
    }
}
