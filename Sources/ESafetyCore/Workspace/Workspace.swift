import CivilTime
import Foundation

/// An open store with its documents loaded: the one place through which the app and the
/// command line read and change the school's records. Every change is validated in the domain
/// value first, then saved atomically with an audit entry, and only then made visible, so a
/// failed save never leaves memory and disk disagreeing.
public final class Workspace {
    public let store: Store
    /// Who changes are recorded as, in the audit log.
    public var actor: AuditActor
    public internal(set) var profile: SchoolProfile
    public internal(set) var directory: RoleDirectory
    public internal(set) var reportingLines: [ReportingLine]
    /// AUP texts, roster and signatures: made on first use, read by `aup.load()`.
    public private(set) lazy var aup = AUPRegister(workspace: self)
    /// Who has opened which incident, and what is new to the person signed in.
    public private(set) lazy var attention = IncidentAttention(workspace: self)
    /// Image consent and the images of pupils in use: read by `consents.load()` (Consent/).
    public private(set) lazy var consents = ConsentRegister(workspace: self)
    /// Filtering and monitoring checks, reviews and unblock requests (Filtering/).
    public private(set) lazy var filtering = FilteringArea(workspace: self)
    /// The clock: what "now" and "today" mean for new records and due dates (tests fix it).
    public var now: () -> Date = { Date() }
    /// The time zone the school's calendar days are counted in.
    public var timeZone: TimeZone = .current

    var loadedIncidents: IncidentLog?
    var loadedAccounts: Accounts?

    /// The person signed in at the terminal, if any. Changes are recorded as them.
    public var session: Session? {
        didSet {
            if let session { actor = session.actor }
            store.signer = session?.signer  // every commit is signed by the person signed in
            loadedIncidents = nil  // what may be read depends on who is signed in
        }
    }

    /// The first run: makes the keys and the first administrator (a person already in the
    /// directory), signs them in, seals any incidents recorded before, and returns the recovery
    /// key to show once.
    public func setUp(administrator personID: String, passphrase: String) throws -> String {
        let (newSession, recovery) = try accounts().setUp(administrator: personID, passphrase: passphrase, actor: actor)
        session = newSession
        try incidents().sealPlainRecords()
        loadedIncidents = nil
        return recovery
    }

    /// The documents that failed the app's look at the store when it opened (empty until
    /// ``proveDocuments()`` runs, and when every document matches the audit log).
    public internal(set) var documentProblems: [StoreProblem] = []

    /// The recovery key of a demo store made just now, for `init --demo` to print once.
    public internal(set) var recoveryKeyToShow: String?

    /// Throws unless whoever is signed in may do this. Before the first administrator is set up
    /// nobody can sign in, and the set-up itself fills in the directory.
    public func require(_ permission: Permission) throws {
        guard try accounts().isSetUp else { return }
        guard let session else { throw AccessError.notSignedIn }
        try session.require(permission)
    }

    /// True when whoever is signed in may do this (for showing only what they may use).
    public func can(_ permission: Permission) -> Bool { (try? require(permission)) != nil }

    /// The accounts and the keys to incident records.
    /// - Throws: a `StoreError` naming `users.json` or `keys.json` if it cannot be read.
    public func accounts() throws -> Accounts {
        if let loadedAccounts { return loadedAccounts }
        let accounts = try Accounts(store: store, directory: { [unowned self] in self.directory }, now: { [unowned self] in self.now() })
        loadedAccounts = accounts
        startProvingEntries(accounts)  // Workspace+Signatures.swift
        return accounts
    }

    /// The incident log, loaded the first time it is needed (not before the first screen).
    /// - Throws: a `StoreError` naming an incident file that cannot be read.
    public func incidents() throws -> IncidentLog {
        if let loadedIncidents { return loadedIncidents }
        return try openIncidents(listing: .fromIndex)
    }

    /// The incident log opened by reading and opening every record the session may read (for an
    /// export, which needs the whole of each: the sealed index is not used), taking files from
    /// `readAhead` where they are still as the audit log records them.
    /// - Throws: a `StoreError` naming an incident file that cannot be read.
    public func incidentsReadInFull(readAhead: IncidentReadAhead? = nil) throws -> IncidentLog {
        try openIncidents(listing: .everyRecordRead(readAhead))
    }

    private func openIncidents(listing: IncidentLog.Listing) throws -> IncidentLog {
        let accounts = try accounts()
        if accounts.isSetUp, accounts.authority == nil {
            throw AccessError.authorityDamaged(accounts.authorityProblem?.description ?? "authority.json cannot be read")
        }
        let vault = IncidentVault(currentAuthority: { [weak accounts] in accounts?.authority?.current }, session: session)
        let log = try IncidentLog(store: store, actor: { [unowned self] in self.actor }, now: { [unowned self] in self.now() },
                                  timeZone: timeZone, vault: vault, listing: listing)
        loadedIncidents = log
        return log
    }

    /// Today's date at the school.
    public var today: CivilDate { CivilDate.today(at: now(), in: timeZone) }

    /// The review schedule and school calendar, read when first used.
    public private(set) lazy var reviews: ReviewsArea = {
        let area = ReviewsArea(workspace: self)
        area.retentionRecordSource = { [unowned self] in self.incidentRetentionRecords() }
        return area
    }()

    private init(store: Store, actor: AuditActor) throws {
        self.store = store
        self.actor = actor
        // --read-only changes no record, but still records who looked and wrong passphrases.
        store.recordsOnReadOnly = { name in
            name == ThrottleDocument.name || name.hasPrefix(AttentionDocument.folder + "/") || name == AlertFailuresDocument.name
        }
        profile = try store.load(SchoolProfile.self, from: DocumentName.profile)
            ?? DefaultResources.decode(SchoolProfile.self, from: "defaults/profile.json")
        directory = try store.load(DirectoryDocument.self, from: DocumentName.directory)?.directory
            ?? Self.defaultDirectory()
        // Two people (or roles) with one id would become one on the next save: refuse, naming the file.
        try RecordCheck.refuseDuplicates(directory.people.map(\.id), kind: "person", in: DocumentName.directory + ".json")
        try RecordCheck.refuseDuplicates(directory.roles.map(\.id), kind: "role", in: DocumentName.directory + ".json")
        reportingLines = try (store.load(ReportingLinesDocument.self, from: DocumentName.reportingLines)
            ?? DefaultResources.decode(ReportingLinesDocument.self, from: "defaults/reporting-lines.json")).reportingLines
    }

    /// Opens a store read-only to check what is inside its records (duplicate ids, wrong types),
    /// reading documents as they are, proven or not: ``Store/check()`` is what proves them.
    public static func openForChecking(at directory: URL, actor: AuditActor) throws -> Workspace {
        let store = try Store.open(at: directory, access: .readOnly)
        store.provesDocuments = false
        return try Workspace(store: store, actor: actor)
    }

    /// Opens an existing store.
    public static func open(at directory: URL, access: StoreAccess = .readWrite, actor: AuditActor) throws -> Workspace {
        try Workspace(store: Store.open(at: directory, access: access), actor: actor)
    }

    /// Creates a store with the defaults from `Resources/` (and fictional sample data for a demo).
    public static func create(at directory: URL, actor: AuditActor, demo: Bool = false,
                              now: @escaping () -> Date = { Date() }) throws -> Workspace {
        let store = try Store.create(at: directory) { store in
            var roles = try defaultDirectory()
            var profile = try DefaultResources.decode(SchoolProfile.self, from: "defaults/profile.json")
            if demo {
                roles = try DemoData.directory(startingFrom: roles)
                profile = DemoData.profile(from: profile, directory: roles)
            }
            let lines = try DefaultResources.decode(ReportingLinesDocument.self, from: "defaults/reporting-lines.json")
            let what = demo ? "fictional demo data" : "the defaults"
            try store.save(profile, to: DocumentName.profile, actor: actor, action: "store.create", recordID: nil,
                           summary: "Created the school profile from \(what)")
            try store.save(DirectoryDocument(roles), to: DocumentName.directory, actor: actor, action: "store.create", recordID: nil,
                           summary: "Created the role directory from \(what)")
            try store.save(lines, to: DocumentName.reportingLines, actor: actor, action: "store.create", recordID: nil,
                           summary: "Created the reporting lines from the defaults")
            try AUPRegister.seed(into: store, actor: actor, today: CivilDate.today(at: now()), now: now(), demo: demo)
            try ReviewsArea.seed(into: store, actor: actor, today: CivilDate.today(at: now()), demo: demo)
            try FlowchartLibrary.seed(into: store, actor: actor)
        }
        let workspace = try Workspace(store: store, actor: actor)
        workspace.now = now
        if demo {
            workspace.recoveryKeyToShow = try DemoData.addAccounts(to: workspace)
            try DemoData.addIncidents(to: workspace)
            try DemoData.addTransfers(to: workspace)
            try DemoData.addSubjectAccessRequest(to: workspace)
            try ConsentRegister.addDemoData(to: workspace)
            try FilteringArea.addDemoData(to: workspace)
        }
        return workspace
    }

    /// Opens the store, creating it with the defaults if there is none there yet.
    public static func openOrCreate(at directory: URL, access: StoreAccess = .readWrite, actor: AuditActor) throws -> Workspace {
        if Store.exists(at: directory) || access == .readOnly {
            return try open(at: directory, access: access, actor: actor)
        }
        return try create(at: directory, actor: actor)
    }

    static func defaultDirectory() throws -> RoleDirectory {
        try DefaultResources.decode(DirectoryDocument.self, from: "defaults/roles.json").directory
    }

    // MARK: Role directory

    /// Applies a change to the directory as last committed (this session's copy if nobody has
    /// changed it since, else read again), commits it, then keeps it. A change made by another
    /// session a moment before is kept: this one is applied on top of it.
    @discardableResult
    private func changeDirectory<T>(action: String, recordID: String?, summary: @escaping (T) -> String,
                                    _ change: (inout RoleDirectory) throws -> T) throws -> T {
        try require(.editDirectory)
        var copy = directory
        let result = try store.commit(actor: actor, action: action, recordID: recordID) { transaction -> T in
            if !transaction.isUnchanged(DocumentName.directory) {
                copy = try store.load(DirectoryDocument.self, from: DocumentName.directory)?.directory ?? copy
            }
            copy.reserve(personNumber: transaction.highestAllocated("person") + 1)
            let firstFree = copy.nextPersonNumber
            let result = try change(&copy)
            if copy.nextPersonNumber > firstFree { _ = transaction.allocate("person", atLeast: copy.nextPersonNumber - 1) }
            transaction.summary = summary(result)
            try transaction.write(DirectoryDocument(copy), to: DocumentName.directory)
            return result
        }
        directory = copy
        return result
    }

    @discardableResult
    public func addPerson(fullName: String, title: String = "", phone: String = "", email: String = "", notes: String = "") throws -> Person {
        try changeDirectory(action: "person.add", recordID: nil, summary: { (person: Person) in "Added \(person.fullName) (\(person.id))" }) {
            try $0.addPerson(fullName: fullName, title: title, phone: phone, email: email, notes: notes)
        }
    }

    /// Saves a person's details. `original` is the person as the editor first showed them: if
    /// someone else has changed them since, nothing is saved and a ``StoreConflict`` says who.
    public func updatePerson(_ person: Person, basedOn original: Person? = nil) throws {
        try changeDirectory(action: "person.update", recordID: person.id, summary: { (_: Void) in "Changed the details of \(person.fullName) (\(person.id))" }) {
            try store.refuseStaleEdit(of: DocumentName.directory, current: $0.person(person.id), original: original) { "\($0.fullName)'s details" }
            try $0.updatePerson(person)
        }
    }

    public func removePerson(_ id: String) throws {
        let name = directory.person(id)?.fullName ?? id
        if (try? accounts())?.authorityAccount(id) != nil {
            throw DirectoryError.hasAccount(name)
        }
        try changeDirectory(action: "person.remove", recordID: id, summary: { (roles: [String]) in
            roles.isEmpty ? "Removed \(name) (\(id))" : "Removed \(name) (\(id)), who held: \(roles.joined(separator: "; "))"
        }) { try $0.removePerson(id) }
    }

    @discardableResult
    public func addRole(name: String, summary: String = "", responsibilities: [String] = []) throws -> Role {
        try changeDirectory(action: "role.add", recordID: nil, summary: { (role: Role) in "Added the role \(role.name) (\(role.id))" }) {
            try $0.addRole(name: name, summary: summary, responsibilities: responsibilities)
        }
    }

    /// Saves a role's name, summary and responsibilities; `original` as for ``updatePerson(_:basedOn:)``.
    public func updateRole(_ role: Role, basedOn original: Role? = nil) throws {
        try changeDirectory(action: "role.update", recordID: role.id, summary: { (_: Void) in "Changed the role \(role.name)" }) {
            if let original, let current = $0.role(role.id),
               (current.name, current.summary, current.responsibilities) != (original.name, original.summary, original.responsibilities) {
                throw StoreConflict(document: DocumentName.directory, what: "the role \(current.name)",
                                    change: store.lastChange(of: DocumentName.directory))
            }
            try $0.updateRole(role)
        }
    }

    public func removeRole(_ id: String) throws {
        let name = directory.role(id)?.name ?? id
        try changeDirectory(action: "role.remove", recordID: id, summary: { (_: Void) in "Removed the role \(name)" }) {
            try $0.removeRole(id)
        }
    }

    public func assign(personID: String, to roleID: String) throws {
        if try changeAccessRole(personID: personID, roleID: roleID, holds: true) { return }  // Workspace+Access.swift
        let person = directory.person(personID)?.fullName ?? personID
        let role = directory.role(roleID)?.name ?? roleID
        try changeDirectory(action: "role.assign", recordID: roleID, summary: { (_: Void) in "Made \(person) (\(personID)) a holder of \(role)" }) {
            try $0.assign(personID: personID, to: roleID)
        }
    }

    public func unassign(personID: String, from roleID: String) throws {
        if try changeAccessRole(personID: personID, roleID: roleID, holds: false) { return }
        let person = directory.person(personID)?.fullName ?? personID
        let role = directory.role(roleID)?.name ?? roleID
        try changeDirectory(action: "role.unassign", recordID: roleID, summary: { (_: Void) in "Took \(person) (\(personID)) out of \(role)" }) {
            try $0.unassign(personID: personID, from: roleID)
        }
    }

    // MARK: Profile

    /// Applies a change to the profile as last committed, commits it, then keeps it.
    private func changeProfile(action: String, recordID: String?, summary: String, _ change: (inout SchoolProfile) throws -> Void) throws {
        try require(.editSettings)
        var copy = profile
        try store.commit(actor: actor, action: action, recordID: recordID, summary: summary) { transaction in
            if !transaction.isUnchanged(DocumentName.profile) {
                copy = try store.load(SchoolProfile.self, from: DocumentName.profile) ?? copy
            }
            try change(&copy)
            try transaction.write(copy, to: DocumentName.profile)
        }
        profile = copy
    }

    /// Saves new school details and external contacts; `original` is the profile as the form
    /// first showed it (a change made meanwhile by someone else is a ``StoreConflict``).
    public func updateProfile(_ updated: SchoolProfile, basedOn original: SchoolProfile? = nil) throws {
        try changeProfile(action: "profile.update", recordID: nil, summary: "Changed the school profile") { current in
            try store.refuseStaleEdit(of: DocumentName.profile, current: current, original: original) { _ in "the school profile" }
            current = updated
        }
    }

    /// Saves one external contact's details (matched by id); `original` as for ``updateProfile(_:basedOn:)``.
    public func updateExternalContact(_ contact: ExternalContact, basedOn original: ExternalContact? = nil) throws {
        try changeProfile(action: "contact.update", recordID: contact.id, summary: "Changed the contact details for \(contact.service)") { current in
            guard let index = current.externalContacts.firstIndex(where: { $0.id == contact.id }) else {
                throw ProfileError.unknownContact(contact.id)
            }
            try store.refuseStaleEdit(of: DocumentName.profile, current: current.externalContacts[index], original: original) { _ in
                "the details of \(contact.service)"
            }
            current.externalContacts[index] = contact
        }
    }

    /// The person who is the e-safety contact officer: the one chosen in the profile, else the
    /// first holder of the e-safety lead role.
    public var esafetyContact: Person? {
        profile.esafetyContactPersonID.flatMap(directory.person) ?? directory.holders(of: Role.WellKnown.esafetyLead).first
    }
}
