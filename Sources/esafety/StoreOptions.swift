import ArgumentParser
import ESafetyCore
import Foundation

/// The options every subcommand shares: which store to use.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder.", valueName: "DIR"))
    var store: String?

    /// The store's folder, from --store, ESAFETY_STORE, XDG_DATA_HOME or the home folder.
    var location: URL {
        StoreLocation.resolve(explicit: store, environment: ProcessInfo.processInfo.environment)
    }

    /// Who changes made from this process are recorded as, until people sign in.
    var actor: AuditActor {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
        return AuditActor(id: "os:\(user)", name: "\(user) at the terminal")
    }
}

extension StoreOptions {
    /// Runs work whose errors are meant for the user, wrapping them so they print plainly.
    static func userFacing<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as UserFacingError { throw error } catch { throw UserFacingError(error) }
    }
}

/// A failure the user can act on: printed as "esafety: message" with exit status 1.
struct UserFacingError: Error, CustomStringConvertible {
    var description: String
    init(_ error: Error) { description = TerminalText.safe(String(describing: error)) }
    init(_ message: String) { description = TerminalText.safe(message) }
}
