import ArgumentParser
import ESafetyCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Signing in from the command line, for commands that read incident records: `--user` names
/// the person; the passphrase comes from `ESAFETY_PASSPHRASE` (for scripts), or is asked for on
/// the terminal with echo off.
struct SignInOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Sign in as this person (full name or id, e.g. P0002).", valueName: "NAME"))
    var user: String?

    /// Signs in on the workspace, or throws a message saying how.
    func signIn(_ workspace: Workspace) throws {
        let accounts = try workspace.accounts()
        guard accounts.isSetUp else { return }
        guard let user else {
            throw UserFacingError("This store has accounts: sign in with --user NAME (the passphrase is asked for, or read from ESAFETY_PASSPHRASE).")
        }
        let directory = workspace.directory
        guard let person = directory.personSigningIn(as: user) else {
            throw UserFacingError("There is nobody called \(user) in the role directory.")
        }
        let passphrase = try ProcessInfo.processInfo.environment["ESAFETY_PASSPHRASE"] ?? Self.ask("Passphrase for \(person.fullName): ")
        let session = try accounts.signIn(personID: person.id, passphrase: passphrase)
        if let note = workspace.begin(session) {
            FileHandle.standardError.write(Data((TerminalText.safe(note) + "\n").utf8))
        }
    }

    /// Signs in, and throws unless the person is an administrator (on a store with accounts):
    /// for the commands that are an administrator's act.
    func signInAsAdministrator(_ workspace: Workspace, to what: String) throws {
        try signIn(workspace)
        if try workspace.accounts().isSetUp, workspace.session?.isAdministrator != true {
            throw UserFacingError("Only an administrator may \(what): sign in as one with --user NAME.")
        }
    }

    /// Begins stretching the passphrase from ESAFETY_PASSPHRASE on another core, for the sign-in
    /// to come, while the store at `location` opens (PassphrasePrederivation.swift).
    func beginEarly(at location: URL) {
        guard let user, let passphrase = ProcessInfo.processInfo.environment["ESAFETY_PASSPHRASE"] else { return }
        PassphrasePrederivation.begin(storePath: location.path, user: user, passphrase: passphrase)
    }

    /// Reads a passphrase from the terminal without echoing it.
    private static func ask(_ prompt: String) throws -> String {
        let tty = open("/dev/tty", O_RDWR)
        guard tty >= 0 else { throw UserFacingError("No terminal to ask for the passphrase: set ESAFETY_PASSPHRASE.") }
        defer { close(tty) }
        var saved = termios()
        tcgetattr(tty, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(tty, TCSANOW, &quiet)
        defer { tcsetattr(tty, TCSANOW, &saved); _ = write(tty, "\n", 1) }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(tty, &byte, 1) == 1 && byte != 0x0A && byte != 0x0D { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
