import ArgumentParser
import CivilTime
import ESafetyCore
import Foundation

/// `esafety consent …`: the image consent register without the UI.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Image consent: record forms and withdrawals, the who-may-not-be-photographed list, images in use to review.",
        discussion: "Import the MIS roster's consent columns with esafety import consents FILE; export with esafety export consents.",
        subcommands: [Record.self, Withdraw.self, Show.self, NotPhotographed.self, AddImage.self, RemoveImage.self, Review.self])

    /// Opens the store (for writing unless `readOnly`), signs in, loads the register, and runs `body`.
    static func run<T>(_ options: StoreOptions, _ signIn: SignInOptions, readOnly: Bool = false,
                       _ body: (Workspace, ConsentRegister) throws -> T) throws -> T {
        try StoreOptions.userFacing {
            let workspace = try Workspace.open(at: options.location, access: readOnly ? .readOnly : .readWrite, actor: options.actor)
            defer { workspace.store.close() }
            workspace.now = try TodayOverride.clock()
            try signIn.signIn(workspace)
            try workspace.consents.load()
            return try body(workspace, workspace.consents)
        }
    }

    static func date(_ text: String?, today: CivilDate) throws -> CivilDate {
        guard let text else { return today }
        switch CivilDate.parse(text) {
        case .success(let date): return date
        case .failure(let why): throw UserFacingError("“\(text)” is not a date: \(why)")
        }
    }

    static func uses(_ texts: [String]) throws -> Set<ConsentUse> {
        Set(try texts.flatMap { $0.split(separator: ",") }.map { text in
            guard let use = ConsentUse.parse(String(text)) else {
                throw UserFacingError("“\(text)” is not a use; the uses are " + ConsentUse.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            return use
        })
    }

    /// A pupil by id, or by full name.
    static func pupil(_ text: String, in register: ConsentRegister) throws -> RosterPerson {
        let pupils = register.roster.people(in: .pupil)
        if let pupil = pupils.first(where: { $0.id == text }) { return pupil }
        let matches = pupils.filter { $0.nameMatches(text) }
        guard matches.count == 1 else {
            throw UserFacingError(matches.isEmpty ? "There is no pupil \(text) on the roster." : "More than one pupil is called \(text): use the id.")
        }
        return matches[0]
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a returned consent form: the uses given (every other use is refused).")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The pupil's id or full name.") var pupil: String
        @Option(help: ArgumentHelp("A use consented to (repeat, or comma-separated): " + ConsentUse.allCases.map(\.rawValue).joined(separator: ", ") + "; none for a form refusing everything.", valueName: "USE"))
        var given: [String] = []
        @Option(help: "The parent or carer who signed the form.") var by: String
        @Option(help: "The date on the form (default today).") var date: String?
        @Option(name: .customLong("form-version"), help: "The version of the consent form.") var formVersion: String

        func run() throws {
            try ConsentCommand.run(options, signIn) { workspace, register in
                let pupil = try ConsentCommand.pupil(pupil, in: register)
                let uses = given == ["none"] ? [] : try ConsentCommand.uses(given)
                let event = try register.recordForm(personID: pupil.id, given: uses, by: by, on: try ConsentCommand.date(date, today: workspace.today),
                                                    formVersion: formVersion)
                say("Recorded consent form \(formVersion) for \(pupil.fullName) (\(pupil.id)): given for " + (event.uses.isEmpty ? "nothing" : event.uses.map(\.title).joined(separator: ", ")) + ".")
            }
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a parent or carer withdrew consent (for some uses, or all).")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The pupil's id or full name.") var pupil: String
        @Option(help: ArgumentHelp("A use withdrawn (repeat, or comma-separated); every use given, if none.", valueName: "USE")) var use: [String] = []
        @Option(help: "Who withdrew it.") var by: String
        @Option(help: "The date of the withdrawal (default today).") var date: String?

        func run() throws {
            try ConsentCommand.run(options, signIn) { workspace, register in
                let pupil = try ConsentCommand.pupil(pupil, in: register)
                let event = try register.withdraw(personID: pupil.id, uses: try ConsentCommand.uses(use), by: by,
                                                  on: try ConsentCommand.date(date, today: workspace.today))
                say("Recorded the withdrawal of consent for \(pupil.fullName) (\(pupil.id)): \(event.uses.map(\.title).joined(separator: ", ")).")
                let review = try register.imagesToReview().filter { $0.pupils.contains { $0.id == pupil.id } }
                for item in review { say("To review: \(item.summary)") }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one pupil's consent, use by use, with its history.")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The pupil's id or full name.") var pupil: String

        func run() throws {
            try ConsentCommand.run(options, signIn, readOnly: true) { workspace, register in
                try workspace.require(.readConsent)
                let pupil = try ConsentCommand.pupil(pupil, in: register)
                let consent = register.consent(of: pupil.id)
                say("\(pupil.fullName) (\(pupil.id))\(pupil.className.map { ", class \($0)" } ?? "")")
                for use in ConsentUse.allCases { say("  \(use.title.padding(toLength: 22, withPad: " ", startingAt: 0)) \(consent.state(use).word)") }
                say("History:")
                if consent.history.isEmpty { say("  no consent form returned") }
                for event in consent.history {
                    let what = event.kind == .given ? "form \(event.formVersion ?? "") given for \(event.uses.map(\.rawValue).joined(separator: ", "))"
                        : "withdrew \(event.uses.map(\.rawValue).joined(separator: ", "))"
                    say("  \(event.on)  \(event.by): \(what) (entered by \(event.recordedBy.name))")
                }
            }
        }
    }

    struct NotPhotographed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "not-photographed",
            abstract: "Print who may not be photographed, for a class or a trip (several classes and pupils).")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions
        @Option(name: .customLong("class"), help: "A class (repeat for a trip of several classes).") var classes: [String] = []
        @Option(help: "A pupil's id or name (repeat), for a trip.") var pupil: [String] = []
        @Option(help: "The trip's name, for the heading.") var trip: String?
        @Option(help: ArgumentHelp("Only this use (repeat); default every image use.", valueName: "USE")) var use: [String] = []
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE")) var output: String?

        func run() throws {
            guard !classes.isEmpty || !pupil.isEmpty else { throw UserFacingError("Name a class with --class, or the pupils of a trip with --pupil.") }
            let text = try ConsentCommand.run(options, signIn, readOnly: true) { workspace, register -> String in
                var people: [RosterPerson] = []
                for name in classes { people += try register.pupils(inClass: name) }
                for text in pupil { people.append(try ConsentCommand.pupil(text, in: register)) }
                var seen = Set<String>()
                people = people.filter { seen.insert($0.id).inserted }
                let chosen = use.isEmpty ? ConsentUse.imageUses : try ConsentCommand.uses(use).sorted()
                let lines = try register.notPhotographed(people, uses: chosen)
                let title = trip ?? (classes.count == 1 && pupil.isEmpty ? "Class \(classes[0])" : "Trip")
                return ConsentExport.notPhotographedText(title: title, lines: lines, pupilCount: people.count, today: workspace.today)
            }
            try OutputFile.write(text, to: output)
        }
    }

    struct AddImage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-image", abstract: "Put an image or video of pupils on the register of images in use.")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "Where it is and what it shows.") var text: String
        @Option(help: ArgumentHelp("Its use: " + ConsentUse.allCases.map(\.rawValue).joined(separator: ", "), valueName: "USE")) var use: String
        @Option(help: "A pupil in it (id or name; repeat).") var pupil: [String]
        @Option(help: "When it was published (default today).") var date: String?

        func run() throws {
            try ConsentCommand.run(options, signIn) { workspace, register in
                guard let chosen = ConsentUse.parse(use) else { throw UserFacingError("“\(use)” is not a use.") }
                let ids = try pupil.map { try ConsentCommand.pupil($0, in: register).id }
                let image = try register.addImage(description: text, use: chosen, pupilIDs: ids, publishedOn: try ConsentCommand.date(date, today: workspace.today))
                say("Added \(image.id): \(image.description).")
                if let item = try register.imagesToReview().first(where: { $0.image.id == image.id }) { say("Warning, to review at once: \(item.summary)") }
            }
        }
    }

    struct RemoveImage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-image", abstract: "Record that an image is no longer in use.")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions
        @Argument(help: "The image's id, e.g. image-0001.") var id: String
        @Option(help: "When it came down (default today).") var date: String?

        func run() throws {
            try ConsentCommand.run(options, signIn) { workspace, register in
                try register.removeImage(id, on: try ConsentCommand.date(date, today: workspace.today))
                say("Recorded \(id) as no longer in use.")
            }
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List images still in use that show a pupil whose consent has gone. Exit 1 if there are any.")
        @OptionGroup var options: StoreOptions
        @OptionGroup var signIn: SignInOptions

        func run() throws {
            let items = try ConsentCommand.run(options, signIn, readOnly: true) { _, register in try register.imagesToReview() }
            if items.isEmpty { say("No image in use shows a pupil without consent for it."); return }
            say("\(items.count) image\(items.count == 1 ? "" : "s") in use to review (take down, or record new consent):")
            for item in items { say("  " + item.summary) }
            throw ExitCode(1)
        }
    }
}
