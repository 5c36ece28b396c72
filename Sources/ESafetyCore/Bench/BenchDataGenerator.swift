import CivilTime
import Foundation

/// Fictional data for the benchmarks and the robustness tests: `esafety bench generate`.
///
/// Scale 1 is a large primary school over ten years: 600 people on the AUP roster, 10,000 AUP
/// signatures, 500 incidents and 100 review records. Scale N is N times that; scale 10 is the
/// stress case of DESIGN.md §6 (6,000 people, 100,000 signatures, 5,000 incidents, 1,000
/// review records).
///
/// The data is fixed: the same scale always gives the same documents (a seeded generator and a
/// fixed "today", ``referenceDay``). It is written through the real domain types and the real
/// `Store`, so every file is a genuine store document with its audit entry, and the store
/// passes `esafety check`.
public struct BenchDataGenerator {
    /// The day the generated school stands at: every date is before it.
    public static let referenceDay = CivilDate(year: 2026, month: 11, day: 25)!
    /// Noon UTC on ``referenceDay``: the clock a bench run sets so the data means the same.
    public static var referenceNow: Date { Date(timeIntervalSince1970: Double(referenceDay.daysSinceEpoch) * 86_400 + 12 * 3_600) }

    /// How many records of each kind a scale gives.
    public struct Counts: Equatable, Sendable {
        public var pupils, staff, governors, guests, parents: Int
        public var signatures: Int
        public var incidents: Int
        public var reviewRecords: Int
        public var people: Int { pupils + staff + governors + guests + parents }

        public init(scale: Int) {
            let s = max(1, scale)
            pupils = 420 * s; staff = 60 * s; governors = 10 * s; guests = 10 * s; parents = 100 * s
            signatures = 10_000 * s
            incidents = 500 * s
            reviewRecords = 100 * s
        }
    }

    public let scale: Int
    public let counts: Counts
    /// Who the generated records and audit entries are by.
    public static let actor = AuditActor(id: "bench:generator", name: "bench data generator")

    public init(scale: Int) {
        self.scale = max(1, scale)
        counts = Counts(scale: scale)
    }

    /// A generator with other counts (tests use a small store of the same shape).
    init(scale: Int, counts: Counts) {
        self.scale = max(1, scale)
        self.counts = counts
    }

    /// Creates a new store at `directory` filled with the data of this scale. `progress` is
    /// told what is being written.
    @discardableResult
    public func generate(at directory: URL, progress: (String) -> Void = { _ in }) throws -> Workspace {
        let now = Self.referenceNow
        let workspace = try Workspace.create(at: directory, actor: Self.actor, demo: true, now: { now })
        workspace.timeZone = TimeZone(identifier: "UTC") ?? .current
        var random = BenchRandom(seed: 0x5AFE_0000 + UInt64(scale))
        progress("roster: \(counts.people) people")
        let rosters = try writeRosters(into: workspace.store, random: &random)
        progress("AUP signatures: \(counts.signatures)")
        try writeSignatures(into: workspace, rosters: rosters, random: &random)
        progress("incidents: \(counts.incidents)")
        try writeIncidents(into: workspace, rosters: rosters, random: &random)
        progress("review records: \(counts.reviewRecords)")
        try writeReviews(into: workspace, random: &random)
        return workspace
    }

    // MARK: Roster

    private func name(_ random: inout BenchRandom) -> String {
        "\(random.pick(AUPDemoData.forenames)) \(random.pick(AUPDemoData.surnames))"
    }

    private func writeRosters(into store: Store, random: inout BenchRandom) throws -> [RosterGroup: RosterDocument] {
        let classes = try DefaultResources.decode(ClassListDocument.self, from: "aup/classes.json").classes
        let startYear = SchoolYear(containing: Self.referenceDay).startYear
        var rosters: [RosterGroup: RosterDocument] = [:]
        let sizes: [(RosterGroup, Int)] = [(.pupil, counts.pupils), (.staff, counts.staff), (.governor, counts.governors),
                                           (.guest, counts.guests), (.parent, counts.parents)]
        for (group, size) in sizes {
            var document = RosterDocument(people: [], nextNumber: 1)
            for index in 0..<size {
                let id = AUPRegister.makeID(group, document.nextNumber)
                var person = RosterPerson(id: id, fullName: name(&random), group: group)
                switch group {
                case .pupil:
                    let schoolClass = classes[index % classes.count]
                    person.className = schoolClass.name
                    person.dateOfBirth = CivilDate(year: startYear - 5 - schoolClass.yearGroup, month: 1 + random.below(12), day: 1 + random.below(28))
                    person.misID = String(format: "B%012d", 100_000 + index)
                case .guest:
                    let from = Self.referenceDay.adding(days: -random.below(3_000)) ?? Self.referenceDay
                    person.visitFrom = from
                    person.visitUntil = from.adding(days: random.below(10))
                    person.note = "Supply teacher"
                case .parent:
                    person.childIDs = [AUPRegister.makeID(.pupil, 1 + random.below(max(1, counts.pupils)))]
                default: break
                }
                document.people.append(person)
                document.nextNumber += 1
            }
            try store.save(document, to: AUPDocumentName.roster(group), actor: Self.actor, action: "aup.import", recordID: nil,
                           summary: "Generated \(size) fictional \(group.plural.lowercased()) (bench scale \(scale))")
            rosters[group] = document
        }
        return rosters
    }

    // MARK: Signatures

    /// Ten school years, the current one last: about 70% of people have signed this year, and
    /// the rest of the signatures are spread evenly over the nine years before.
    private func writeSignatures(into workspace: Workspace, rosters: [RosterGroup: RosterDocument],
                                 random: inout BenchRandom) throws {
        let store = workspace.store
        let versions = try store.load(AUPVersionsDocument.self, from: AUPDocumentName.versions)?.versions ?? []
        let everyone = RosterGroup.allCases.flatMap { rosters[$0]?.people ?? [] }
        let current = SchoolYear(containing: Self.referenceDay)
        let thisYear = min(counts.signatures, everyone.count * 7 / 10)
        let earlier = counts.signatures - thisYear
        var perYear: [(SchoolYear, Int)] = [(current, thisYear)]
        for back in 1...9 {
            let share = earlier / 9 + (back <= earlier % 9 ? 1 : 0)
            perYear.append((SchoolYear(startYear: current.startYear - back), share))
        }
        for (year, count) in perYear {
            var shards: [String: [AUPSignature]] = [:]
            let lastDay = year == current ? Self.referenceDay : year.end
            let span = max(1, lastDay.daysSinceEpoch - year.start.daysSinceEpoch)
            for index in 0..<count {
                // Everyone once, then again at random, so a year has no duplicates until it is full.
                let person = index < everyone.count && year == current
                    ? everyone[(index * 7) % everyone.count] : everyone[random.below(everyone.count)]
                let kind = person.group.aup
                let version = versions.last { $0.kind == kind }
                let signedOn = year.start.adding(days: random.below(span)) ?? year.start
                let recordedAt = Date(timeIntervalSince1970: Double(signedOn.daysSinceEpoch) * 86_400 + Double(8 * 3_600 + random.below(8 * 3_600)))
                let method: AUPSignature.Method = person.group == .pupil ? .classList : (random.below(3) == 0 ? .terminal : .paper)
                let signature = AUPSignature(personID: person.id, kind: kind, versionID: version?.id ?? "\(kind.rawValue)-unknown",
                                             signedOn: signedOn, recordedAt: recordedAt, method: method, witness: Self.actor,
                                             lapsesAfter: person.group == .guest ? person.visitUntil : nil)
                shards[AUPDocumentName.signatures(year, bucket: RosterPerson.bucket(of: person.id)), default: []].append(signature)
            }
            for (name, signatures) in shards.sorted(by: { $0.key < $1.key }) {
                let existing = try store.load(SignatureShardDocument.self, from: name)?.signatures ?? []
                try store.save(SignatureShardDocument(signatures: existing + signatures.sorted { ($0.signedOn, $0.personID) < ($1.signedOn, $1.personID) }),
                               to: name, actor: Self.actor, action: "aup.sign", recordID: nil,
                               summary: "Generated \(signatures.count) fictional AUP signatures (bench scale \(scale))")
            }
        }
    }

    // MARK: Incidents

    private func writeIncidents(into workspace: Workspace, rosters: [RosterGroup: RosterDocument],
                                random: inout BenchRandom) throws {
        let form = try IncidentFormDefinition.standard()
        let pupils = rosters[.pupil]?.people ?? []
        let staff = rosters[.staff]?.people ?? []
        let existing = Set(try workspace.store.documentNames(in: IncidentLog.folder))
        // Sealed to the records key, as the app keeps every incident once it is set up.
        let accounts = try workspace.accounts()
        let vault = IncidentVault(currentAuthority: { [accounts] in accounts.authority?.current }, session: nil)
        var numberInYear: [Int: Int] = [:]
        // Oldest first, spread over ten years.
        let days = (0..<counts.incidents).map { _ in random.below(3_650) }.sorted(by: >)
        for (index, back) in days.enumerated() {
            let occurred = Self.referenceDay.adding(days: -back - 1) ?? Self.referenceDay
            var report = IncidentReport()
            report.occurredOn = occurred
            report.occurredAt = ClockTime(hour: 8 + random.below(8), minute: random.below(60))
            let reporter = staff.isEmpty ? nil : random.pick(staff)
            report.reporterName = reporter?.fullName ?? "Office"
            report.reporterRole = random.pick(["Class teacher", "Teaching assistant", "Office", "Computing lead", "Deputy head"])
            report.identifiedHow = random.pick(["A pupil told a teacher", "Seen on screen in a lesson", "A parent phoned the office", "Filtering alert"])
            report.location = random.below(3) == 0 ? .outsideSchool : .inSchool
            var involved: [InvolvedParty] = []
            for _ in 0..<(1 + random.below(3)) where !pupils.isEmpty {
                let pupil = random.pick(pupils)
                involved.append(InvolvedParty(kind: .child, name: pupil.fullName, personID: pupil.id))
            }
            report.involved = involved
            report.typeIDs = [random.pick(form.incidentTypes.map(\.id))]
            if report.typeIDs == ["other"] { report.otherType = "Something else online (fictional)" }
            report.riskAreaIDs = [random.pick(form.riskAreas.map(\.id))]
            report.description = "Fictional bench incident \(index + 1): " + random.pick([
                "unkind messages in a class group chat.", "a pupil found a gambling site during research.",
                "a pupil was contacted by an unknown adult in a game.", "a shared password was used to get round the filter.",
                "an upsetting video was shown to friends at break."])
            report.access = random.below(2) == 0 ? .accidental : .deliberate
            report.materialUseIDs = [random.pick(form.materialUses.map(\.id))]
            report.staffActions = [ActionTaken(itemID: "reported-head", by: report.reporterName, on: occurred)]
            report.childActions = [ActionTaken(itemID: random.pick(form.childActions.map(\.id)), by: report.reporterName, on: occurred)]
            let year = occurred.year
            numberInYear[year, default: 0] += 1
            var id = String(format: "%04d-%04d", year, numberInYear[year] ?? 1)
            while existing.contains(IncidentLog.folder + "/" + id) {  // the demo's own incidents keep theirs
                numberInYear[year, default: 0] += 1
                id = String(format: "%04d-%04d", year, numberInYear[year] ?? 1)
            }
            let recordedAt = Date(timeIntervalSince1970: Double(occurred.daysSinceEpoch) * 86_400 + 15 * 3_600)
            var record = IncidentRecord(id: id, recordedAt: recordedAt, recordedBy: Self.actor, report: report)
            // Nearly all older incidents are closed; a few recent ones are open with a follow-up.
            if back > 60 || random.below(4) != 0 {
                record.report.outcome = "Dealt with and recorded (fictional)."
                record.statusHistory.append(IncidentRecord.StatusChange(at: recordedAt.addingTimeInterval(86_400 * 3), by: Self.actor,
                                                                        from: .open, to: .closed, reason: "Closed with an outcome"))
                record.status = .closed
            } else {
                record.followUps = [FollowUpAction(id: 1, what: "Speak to the families", ownerPersonID: nil, ownerName: report.reporterName,
                                                   due: occurred.adding(days: 14) ?? occurred)]
            }
            try workspace.store.save(try vault.seal(record), to: IncidentLog.folder + "/" + id, actor: Self.actor, action: "incident.submit",
                                     recordID: id, summary: "Generated fictional incident \(id) (bench scale \(scale))")
        }
    }

    // MARK: Reviews

    /// Review records spread over the schedule's items across ten years, oldest first.
    private func writeReviews(into workspace: Workspace, random: inout BenchRandom) throws {
        var schedule = workspace.reviews.schedule
        let items = schedule.items.map(\.id)
        guard !items.isEmpty else { return }
        let start = Self.referenceDay.adding(days: -3_650) ?? Self.referenceDay
        for index in 0..<counts.reviewRecords {
            let date = start.adding(days: index * 3_640 / max(1, counts.reviewRecords)) ?? start
            let completion = ReviewCompletion(date: date, doneBy: name(&random), notes: "Fictional review \(index + 1)",
                                              evidence: "Minutes, item \(1 + random.below(12))", recordedBy: Self.actor.name)
            try schedule.markDone(items[index % items.count], completion, today: Self.referenceDay)
        }
        try workspace.store.save(schedule, to: ReviewsArea.Documents.schedule, actor: Self.actor, action: "review.done", recordID: nil,
                                 summary: "Generated \(counts.reviewRecords) fictional review records (bench scale \(scale))")
    }
}
