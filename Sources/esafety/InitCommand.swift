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
        do {
            let workspace = try Workspace.create(at: location, actor: options.actor, demo: demo, now: TodayOverride.clock())
            workspace.store.close()
        } catch {
            throw UserFacingError(error)
        }
        print("Created \(demo ? "a demo store with fictional data" : "a store") at \(location.path)")
    }
}
