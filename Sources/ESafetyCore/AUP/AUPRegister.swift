import CivilTime
import Foundation

/// The AUP records of a store: the published texts, the class list, the roster and the
/// signatures. `Workspace.aup` makes it lazily and nothing is read until ``load()``; then only
/// the current school year's signatures are read (older years are read for an export).
///
/// Every change is checked first, saved to the one small file it touches with an audit entry,
/// and only then kept in memory. The completion report, publishing, corrections and the
/// defaults a new store is seeded with are in the `AUPRegister+…` files beside this one.
public final class AUPRegister {
    unowned let workspace: Workspace
    public private(set) var isLoaded = false
    /// Every published version, oldest first.
    public internal(set) var versions: [AUPVersion] = []
    public private(set) var classes: [SchoolClass] = []
    private var rosters: [RosterGroup: RosterDocument] = [:] { didSet { sortedPeople = [:]; peopleByID = nil } }
    /// Every person by id, kept until the roster changes: an export looks up 100,000 signers.
    private var peopleByID: [String: RosterPerson]?
    /// Each group's people in name order, kept until the roster changes: sorting 4,000 names in
    /// the user's collation on every dashboard summary took most of its time.
    private var sortedPeople: [RosterGroup: [RosterPerson]] = [:]
    /// Loaded signature shards by document name.
    private var shards: [String: [AUPSignature]] = [:]
    private var loadedYears: Set<SchoolYear> = []
    /// Signatures of the loaded years by person id.
    private var byPerson: [String: [AUPSignature]] = [:]
    /// Signatures voided as recorded by mistake, by ``AUPSignature/key`` (`aup/voided-signatures.json`).
    var voids: [String: AUPSignatureVoid] = [:]

    init(workspace: Workspace) { self.workspace = workspace }

    var store: Store { workspace.store }
    var today: CivilDate { workspace.today }

    // MARK: Loading

    /// Reads the versions, the class list, the roster and this school year's signatures (once).
    /// A store made before AUPs existed gets the default texts and classes from `Resources/aup/`.
    public func load() throws {
        if isLoaded { loadYear(SchoolYear(containing: today)); return }
        versions = try loadVersionsOrPublishDefaults()
        classes = try store.load(ClassListDocument.self, from: AUPDocumentName.classes)?.classes ?? Self.defaultClasses()
        for group in RosterGroup.allCases {
            rosters[group] = try store.load(RosterDocument.self, from: AUPDocumentName.roster(group))
                ?? RosterDocument(people: [], nextNumber: 1)
            try RecordCheck.refuseDuplicates(rosters[group]?.people.map(\.id) ?? [], kind: "person",
                                             in: AUPDocumentName.roster(group) + ".json")
        }
        try loadVoids()
        isLoaded = true
        try loadYearThrowing(SchoolYear(containing: today))
    }

    /// Reads one school year's signatures if they are not read yet; a file that cannot be read
    /// leaves the year unread (the next full load reports it).
    func loadYear(_ year: SchoolYear) { try? loadYearThrowing(year) }

    /// Reads one group's roster again (another session has committed to it).
    func reloadRoster(_ group: RosterGroup) throws {
        let name = AUPDocumentName.roster(group)
        let roster = try store.load(RosterDocument.self, from: name) ?? RosterDocument(people: [], nextNumber: 1)
        try RecordCheck.refuseDuplicates(roster.people.map(\.id), kind: "person", in: name + ".json")
        rosters[group] = roster
    }

    /// Brings what is loaded up to date with what other sessions committed to these documents.
    func refresh(documents: Set<String>) throws {
        guard isLoaded else { return }
        if documents.contains(AUPDocumentName.versions) {
            versions = try store.load(AUPVersionsDocument.self, from: AUPDocumentName.versions)?.versions ?? versions
        }
        if documents.contains(AUPDocumentName.classes) {
            classes = try store.load(ClassListDocument.self, from: AUPDocumentName.classes)?.classes ?? classes
        }
        for group in RosterGroup.allCases where documents.contains(AUPDocumentName.roster(group)) { try reloadRoster(group) }
        if documents.contains(AUPDocumentName.voids) { try loadVoids() }
        for name in documents where shards[name] != nil
            || loadedYears.contains(where: { name.hasPrefix("\(AUPDocumentName.signatureFolder)/\($0)-ending-") }) {
            try reloadShard(name)
        }
    }

    private func loadYearThrowing(_ year: SchoolYear) throws {
        guard !loadedYears.contains(year) else { return }
        let names = AUPDocumentName.signatureFiles(of: year)
        for (name, shard) in zip(names, try store.loadMany(SignatureShardDocument.self, from: names)) {
            guard let shard else { continue }
            shards[name] = shard.signatures
            for signature in shard.signatures { byPerson[signature.personID, default: []].append(signature) }
        }
        loadedYears.insert(year)
    }

    /// The school years that have signature files, oldest first.
    public func signatureYears() -> [SchoolYear] {
        let prefix = AUPDocumentName.signatureFolder + "/"
        let names = (try? store.documentNames(in: AUPDocumentName.signatureFolder)) ?? []
        return Set(names.compactMap { name in SchoolYear(String(name.dropFirst(prefix.count).prefix(7))) }).sorted()
    }

    /// Reads the roster and every year's signature files, but those in `decoded` (already read
    /// whole by `check`), keeping nothing; throws as ``allSignatures()`` would.
    func readSignatureFiles(skipping decoded: Set<String>) throws {
        try load()
        for year in signatureYears() {
            let names = AUPDocumentName.signatureFiles(of: year).filter { !decoded.contains($0) }
            _ = try store.loadMany(SignatureShardDocument.self, from: names)
        }
    }

    /// Every signature of every year, by date signed then person (reads every year's files).
    public func allSignatures() throws -> [AUPSignature] {
        try load()
        for year in signatureYears() { try loadYearThrowing(year) }
        return shards.values.joined().sorted { ($0.signedOn, $0.personID, $0.recordedAt) < ($1.signedOn, $1.personID, $1.recordedAt) }
    }

    // MARK: Reading

    /// Everyone on the roster, by group then name.
    public var people: [RosterPerson] {
        RosterGroup.allCases.flatMap { people(in: $0) }
    }

    /// One group's people, by name.
    public func people(in group: RosterGroup) -> [RosterPerson] {
        if let sorted = sortedPeople[group] { return sorted }
        let sorted = TextSearch.sortedByName(rosters[group]?.people ?? [], name: \.fullName)
        sortedPeople[group] = sorted
        return sorted
    }

    /// The pupils of a class, by name.
    public func pupils(inClass name: String) -> [RosterPerson] {
        people(in: .pupil).filter { $0.className == name }
    }

    public func person(_ id: String) -> RosterPerson? {
        if peopleByID == nil {
            peopleByID = Dictionary(rosters.values.flatMap(\.people).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return peopleByID?[id]
    }

    public func schoolClass(_ name: String) -> SchoolClass? { classes.first { $0.name == name } }

    /// The newest published version of an AUP.
    public func currentVersion(of kind: AUPKind) -> AUPVersion? { versions.last { $0.kind == kind } }

    public func version(_ id: String) -> AUPVersion? { versions.first { $0.id == id } }

    /// A person's signatures in the loaded years, newest first, voided ones included (the history).
    public func signatures(of personID: String) -> [AUPSignature] {
        (byPerson[personID] ?? []).sorted { ($0.signedOn, $0.recordedAt) > ($1.signedOn, $1.recordedAt) }
    }

    /// The signature that makes a person signed today, if there is one.
    public func countingSignature(of person: RosterPerson, today: CivilDate) -> AUPSignature? {
        loadYear(SchoolYear(containing: today))
        let current = currentVersion(of: person.group.aup)?.id
        return signatures(of: person.id).first { voids[$0.key] == nil && $0.counts(currentVersionID: current, today: today) }
    }

    /// True when the person has signed their AUP's current version this school year (and, for a
    /// guest, it has not lapsed).
    public func hasSigned(_ person: RosterPerson, today: CivilDate) -> Bool {
        countingSignature(of: person, today: today) != nil
    }

    // MARK: Signing

    /// Signing at the shared terminal: the signer has read the text and typed their full name,
    /// which must match the record. The witness is whoever is signed in.
    @discardableResult
    public func signAtTerminal(personID: String, typedName: String) throws -> AUPSignature {
        try workspace.require(.recordSignatures)
        try load()
        guard let person = person(personID) else { throw AUPError.unknownPerson(personID) }
        guard person.nameMatches(typedName) else { throw AUPError.nameDoesNotMatch(typed: typedName) }
        return try record(person, signedOn: today, method: .terminal)
    }

    /// A paper signature, recorded with the date written on it.
    @discardableResult
    public func recordPaperSignature(personID: String, signedOn: CivilDate) throws -> AUPSignature {
        try workspace.require(.recordSignatures)
        try load()
        guard let person = person(personID) else { throw AUPError.unknownPerson(personID) }
        guard signedOn <= today else { throw AUPError.signedInTheFuture(signedOn) }
        return try record(person, signedOn: signedOn, method: .paper)
    }

    /// A pupil ticked off the class list at the start of the year.
    @discardableResult
    public func tick(personID: String) throws -> AUPSignature {
        try workspace.require(.recordSignatures)
        try load()
        guard let person = person(personID) else { throw AUPError.unknownPerson(personID) }
        return try record(person, signedOn: today, method: .classList)
    }

    func record(_ person: RosterPerson, signedOn: CivilDate, method: AUPSignature.Method) throws -> AUPSignature {
        let signature = try newSignature(person, signedOn: signedOn, method: method)
        try store.commit(actor: workspace.actor, action: "aup.sign", recordID: person.id,
                         summary: signatureSummary(signature, person: person)) { transaction in
            try stage([signature], in: transaction)
        }
        keep(signature)
        return signature
    }

    func newSignature(_ person: RosterPerson, signedOn: CivilDate, method: AUPSignature.Method) throws -> AUPSignature {
        let kind = person.group.aup
        guard let version = currentVersion(of: kind) else { throw AUPError.noVersion(kind) }
        // Files keep whole seconds: a second signature of a person in the same second is dated a
        // second later, so each has its own ``AUPSignature/key`` (a void names one by it).
        var recordedAt = workspace.now()
        if let latest = signatures(of: person.id).map(\.recordedAt).max(), latest.timeIntervalSince1970.rounded(.down) >= recordedAt.timeIntervalSince1970.rounded(.down) {
            recordedAt = Date(timeIntervalSince1970: latest.timeIntervalSince1970.rounded(.down) + 1)
        }
        return AUPSignature(personID: person.id, kind: kind, versionID: version.id, signedOn: signedOn,
                            recordedAt: recordedAt, method: method, witness: workspace.actor,
                            lapsesAfter: person.group == .guest ? person.visitUntil : nil)
    }

    func signatureSummary(_ signature: AUPSignature, person: RosterPerson) -> String {
        let how: String
        switch signature.method {
        case .terminal: how = "at the terminal"
        case .paper: how = "on paper on \(signature.signedOn)"
        case .classList: how = "with their class"
        }
        return "\(person.fullName) (\(person.id)) signed the \(signature.kind.title) (\(signature.versionID)) \(how), witnessed by \(workspace.actor.name)"
    }

    /// Adds signatures to their shards as last committed (another session's signatures there are
    /// kept); each shard is written once, however many of the signatures go into it.
    func stage(_ signatures: [AUPSignature], in transaction: StoreTransaction) throws {
        var byShard: [String: [AUPSignature]] = [:]
        for signature in signatures {
            let year = SchoolYear(containing: signature.signedOn)
            try loadYearThrowing(year)
            byShard[AUPDocumentName.signatures(year, bucket: RosterPerson.bucket(of: signature.personID)), default: []].append(signature)
        }
        for (name, added) in byShard.sorted(by: { $0.key < $1.key }) {
            if !transaction.isUnchanged(name) { try reloadShard(name) }
            try transaction.write(SignatureShardDocument(signatures: (shards[name] ?? []) + added), to: name)
        }
    }

    /// Keeps a committed signature in memory.
    func keep(_ signature: AUPSignature) {
        let name = AUPDocumentName.signatures(SchoolYear(containing: signature.signedOn), bucket: RosterPerson.bucket(of: signature.personID))
        shards[name, default: []].append(signature)
        byPerson[signature.personID, default: []].append(signature)
    }

    /// Reads one signature shard again (another session has committed to it).
    func reloadShard(_ name: String) throws {
        let fresh = try store.load(SignatureShardDocument.self, from: name)?.signatures ?? []
        for signature in shards[name] ?? [] { byPerson[signature.personID]?.removeAll { $0 == signature } }
        shards[name] = fresh
        for signature in fresh { byPerson[signature.personID, default: []].append(signature) }
    }

    // MARK: Roster

    /// Adds a guest or supply teacher for the days of their visit, and records their signature of
    /// the staff AUP (typed name must match), which lapses after `until`: one step, as giving access.
    @discardableResult
    public func addGuest(fullName: String, note: String, from: CivilDate, until: CivilDate?, typedName: String) throws -> RosterPerson {
        try workspace.require(.recordSignatures)
        try load()
        guard let until else { throw AUPError.noEndDate }
        guard until >= from else { throw AUPError.endBeforeStart }
        var candidate = RosterPerson(id: "", fullName: fullName.trimmingCharacters(in: .whitespaces), group: .guest,
                                     note: note.trimmingCharacters(in: .whitespaces), visitFrom: from, visitUntil: until)
        guard !candidate.fullName.isEmpty else { throw AUPError.emptyName }
        guard candidate.nameMatches(typedName) else { throw AUPError.nameDoesNotMatch(typed: typedName) }
        guard currentVersion(of: .staff) != nil else { throw AUPError.noVersion(.staff) }
        var signature: AUPSignature?
        var updated: RosterDocument?
        try store.commit(actor: workspace.actor, action: "aup.guest.add") { transaction in
            let name = AUPDocumentName.roster(.guest)
            if !transaction.isUnchanged(name) { try reloadRoster(.guest) }
            var roster = rosters[.guest] ?? RosterDocument(people: [], nextNumber: 1)
            roster.nextNumber = transaction.allocate("guest", atLeast: roster.nextNumber)
            candidate.id = Self.makeID(.guest, roster.nextNumber)
            roster.people.append(candidate)
            roster.nextNumber += 1
            transaction.recordID = candidate.id
            transaction.summary = "Added the guest \(candidate.fullName) (\(candidate.id))\(candidate.note.map { $0.isEmpty ? "" : ", \($0)," } ?? "") "
                + "from \(from) until \(until), who signed the staff AUP at the terminal"
            try transaction.write(roster, to: name)
            updated = roster
            let signed = try newSignature(candidate, signedOn: today, method: .terminal)
            try stage([signed], in: transaction)
            signature = signed
        }
        rosters[.guest] = updated
        if let signature { keep(signature) }
        return candidate
    }

    static func makeID(_ group: RosterGroup, _ number: Int) -> String {
        let digits = String(number)
        return "\(group.idPrefix)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The roster documents as they are, for an import to plan against.
    var rosterSnapshot: [RosterGroup: RosterDocument] { rosters }

    /// Carries out a checked import: every group it changes is saved, each with one audit entry.
    public func apply(_ plan: PeopleImportPlan) throws {
        try workspace.require(.recordSignatures)
        try load()
        let changed = RosterGroup.allCases.filter { plan.rosters[$0] != nil && plan.rosters[$0] != rosters[$0] }
        guard !changed.isEmpty else { return }
        let counts = changed.map { group -> String in
            let count = plan.counts[group] ?? (0, 0)
            return "\(group.plural.lowercased()): \(count.added) added, \(count.updated) updated"
        }
        try store.commit(actor: workspace.actor, action: "aup.import",
                         summary: "Imported from \(plan.sourceName): \(counts.joined(separator: "; "))") { transaction in
            for group in changed {
                let name = AUPDocumentName.roster(group)
                // The plan was checked against the roster as it was: if another session has changed
                // it since, the import is checked again rather than written over that change.
                guard transaction.isUnchanged(name) else {
                    throw StoreConflict(document: name, what: "the \(group.plural.lowercased()) roster", change: transaction.lastChange(of: name))
                }
                guard let roster = plan.rosters[group] else { continue }
                try transaction.write(roster, to: name)
            }
        }
        for group in changed { rosters[group] = plan.rosters[group] }
    }
}
