import Foundation

extension DemoData {
    /// Every demo account's passphrase. For trying esafety only: a real school sets its own.
    public static let passphrase = "hollybrook demo"

    /// Accounts for the demo people: the head teacher is the administrator; the e-safety lead,
    /// a child-protection lead, the office and a governor can sign in too. Leaves the head
    /// teacher signed in and returns the recovery key.
    static func addAccounts(to workspace: Workspace) throws -> String {
        let directory = workspace.directory
        func person(_ name: String) throws -> Person {
            guard let person = directory.people.first(where: { $0.fullName == name }) else { throw DirectoryError.unknownPerson(name) }
            return person
        }
        let accounts = try workspace.accounts()
        let recovery = try workspace.setUp(administrator: try person("Amira Haddad").id, passphrase: passphrase)
        guard let session = workspace.session else { throw AccessError.notSignedIn }
        for name in ["Tom Whitfield", "Grace Mensah", "Siobhán Byrne", "Peter Okafor"] {
            try accounts.addUser(personID: try person(name).id, passphrase: passphrase, isAdministrator: false, by: session)
        }
        return recovery
    }
}
