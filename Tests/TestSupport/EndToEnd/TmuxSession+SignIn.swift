import Foundation
import XCTest

extension TmuxSession {
    /// The passphrase of every account of a demo store (`esafety init --demo`).
    public static let demoPassphrase = "hollybrook demo"

    /// Signs in on the sign-in screen: finds the name with `/`, then types the passphrase.
    public func signIn(as name: String, passphrase: String = TmuxSession.demoPassphrase) throws {
        try waitFor("Who are you?")
        send(keys: "/")
        type(name)
        try waitFor(name)
        send(keys: "Enter")  // the only match opens at once
        try waitFor("Passphrase for \(name)")
        type(passphrase)
        send(keys: "Enter")
        try waitFor("Signed in as \(name)")
    }

    /// Completes the first run's set-up on a new store, as `name` in the given role (the
    /// first option, head teacher, reads incidents), and returns the recovery key shown.
    @discardableResult
    public func completeSetUp(name: String = "Sam Office", passphrase: String = "office passphrase", roleDownPresses: Int = 0) throws -> String {
        try waitFor("Set up the first account")
        type(name)
        send(keys: "Tab")
        for _ in 0..<roleDownPresses { send(keys: "Right") }
        send(keys: "Tab", "Tab")
        type(passphrase)
        send(keys: "Tab")
        type(passphrase)
        send(keys: "F2")
        let shown = try waitFor("Write this recovery key down")
        let key = shown.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.count == 64 && $0.split(separator: "-").count == 13 } ?? ""
        send(keys: "Enter")
        try waitFor("6  Settings")
        return key
    }
}
