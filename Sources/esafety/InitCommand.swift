import ArgumentParser
import ESafetyCore

/// `esafety init`: creates a store with the defaults (or fictional demo data).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new store with the defaults from Resources/.",
        discussion: "Refuses to touch a folder that already holds a store.")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Fill the store with fictional sample data to try esafety with.")
    var demo = false

    func run() throws {
        let location = options.location
        if Store.exists(at: location) {
            throw UserFacingError("There is already a store at \(location.path); nothing was changed.")
        }
        let recovery: String?
        do {
            let workspace = try Workspace.create(at: location, actor: options.actor, demo: demo, now: TodayOverride.clock())
            recovery = workspace.recoveryKeyToShow
            workspace.store.close()
        } catch {
            throw UserFacingError(error)
        }
        say("Created \(demo ? "a demo store with fictional data" : "a store") at \(location.path)")
        if let recovery {
            say("""
                Demo accounts: Amira Haddad (head teacher, administrator), Tom Whitfield (e-safety lead),
                Grace Mensah (child-protection lead), Siobhán Byrne (office), Peter Okafor (governor).
                Each signs in with the passphrase "\(DemoData.passphrase)".
                Recovery key (shown once): \(recovery)
                """)
        } else {
            say("Open it with `esafety --store \(location.path)`: the first run sets up the first administrator.")
        }
    }
}
