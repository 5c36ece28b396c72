import Foundation

/// Accounts and access, for the screens and commands: each an administrator's signed act, with
/// the role directory brought into line in the same commit (so that who the directory shows as
/// head teacher or lead is who has that access), and the records key rotated when someone loses
/// access to incidents.
extension Workspace {
    /// The access roles a directory role carries (nil for the others).
    static func accessRole(of roleID: String) -> AccessRole? { AccessRole.forRole(roleID) }

    /// Makes `session` the workspace's after a sign-in or a recovery, and carries out a pending
    /// rotation of the records key (someone lost access to incidents since it was made, and the
    /// administrator who took it could not rotate it) when this session holds the key. A failed
    /// rotation never stops the sign-in. Returns a sentence for the person when it rotated or
    /// could not; nil when there was nothing to do.
    @discardableResult
    public func begin(_ session: Session, progress: ((Int, Int) -> Void)? = nil) -> String? {
        self.session = session
        do {
            return try rotateRecordsKeyIfDue(progress: progress)
                ? "Someone lost access to incidents since you last signed in: the records key was changed and every incident sealed again."
                : nil
        } catch {
            return "The records key is due to be changed (someone lost access to incidents) but could not be: \(error). It will be tried at the next sign-in."
        }
    }

    /// Gives a person in the directory an account, with access roles (those their directory roles
    /// carry, unless given) and the directory updated to show them.
    public func addUser(personID: String, passphrase: String, isAdministrator: Bool, access: [AccessRole]? = nil) throws {
        guard let session else { throw AccessError.notSignedIn }
        let accounts = try accounts()
        var copy = directory
        try accounts.addUser(personID: personID, passphrase: passphrase, isAdministrator: isAdministrator, access: access, by: session) { transaction in
            if let access { try self.stageDirectory(holding: access, for: personID, into: &copy, transaction) }
        }
        directory = copy
    }

    /// Changes a person's access roles and administrator flag (an administrator's signed act),
    /// the directory to match, and rotates the records key if they lost access to incidents.
    public func setAccess(of personID: String, roles: [AccessRole], administrator: Bool, progress: ((Int, Int) -> Void)? = nil) throws {
        guard let session else { throw AccessError.notSignedIn }
        let accounts = try accounts()
        var copy = directory
        try accounts.setAccess(of: personID, roles: roles, administrator: administrator, by: session) { transaction in
            try self.stageDirectory(holding: roles, for: personID, into: &copy, transaction)
        }
        directory = copy
        try rotateRecordsKeyIfDue(progress: progress)
    }

    /// Removes an account, and rotates the records key if they could read incidents.
    public func removeUser(personID: String, progress: ((Int, Int) -> Void)? = nil) throws {
        guard let session else { throw AccessError.notSignedIn }
        try accounts().removeUser(personID: personID, by: session)
        try rotateRecordsKeyIfDue(progress: progress)
    }

    /// Makes the directory's access-carrying roles show exactly `roles` for the person (the
    /// other roles are the directory's own business), in the commit given.
    func stageDirectory(holding roles: [AccessRole], for personID: String, into copy: inout RoleDirectory,
                        _ transaction: StoreTransaction) throws {
        if !transaction.isUnchanged(DocumentName.directory) {
            copy = try store.load(DirectoryDocument.self, from: DocumentName.directory)?.directory ?? copy
        }
        var changed = false
        for role in AccessRole.allCases where copy.role(role.roleID) != nil {
            let holds = copy.role(role.roleID)?.holderIDs.contains(personID) ?? false
            if roles.contains(role) && !holds {
                try copy.assign(personID: personID, to: role.roleID)
                changed = true
            } else if !roles.contains(role) && holds {
                try copy.unassign(personID: personID, from: role.roleID)
                changed = true
            }
        }
        if changed { try transaction.write(DirectoryDocument(copy), to: DocumentName.directory) }
    }

    /// Assigning or unassigning an access-carrying role of someone with an account is a change of
    /// their access: an administrator's signed act (and the directory with it).
    func changeAccessRole(personID: String, roleID: String, holds: Bool) throws -> Bool {
        guard let role = Self.accessRole(of: roleID), let accounts = try? accounts(), accounts.isSetUp,
              let granted = accounts.authorityAccount(personID) else { return false }
        guard session?.isAdministrator == true else {
            throw AccessError.needsAnotherAdministrator("give or take \(role.label) access (an administrator's signed act)")
        }
        var roles = Set(granted.access)
        if holds { roles.insert(role) } else { roles.remove(role) }
        try setAccess(of: personID, roles: roles.sorted(), administrator: granted.administrator)
        return true
    }
}

extension Workspace {
    /// The documents of accounts and keys: never restored from a backup, which would bring back
    /// a removed account, an old grant or an older key.
    public static func isSecurityDocument(_ file: String) -> Bool {
        let name = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        return [Accounts.usersDocument, Accounts.keysDocument, Accounts.authorityDocumentName, ThrottleDocument.name].contains(name)
    }

    /// Puts a document back from the daily backup of `day` (the newest if nil), as its next
    /// revision: an administrator's act (signed and audited), never for accounts and keys.
    @discardableResult
    public func restore(_ file: String, fromDay day: String? = nil) throws -> (keptAt: String?, day: String, revision: Int?) {
        if try accounts().isSetUp {
            guard session?.isAdministrator == true else { throw AccessError.notAnAdministrator }
        }
        guard !Self.isSecurityDocument(file) else { throw AccessError.securityDocumentNotRestored(file) }
        return try store.restore(file, fromDay: day, actor: actor)
    }
}
