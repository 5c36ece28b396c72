import CivilTime
import Foundation

/// The consent register of a store (`workspace.consents`): for each pupil, the consent forms
/// their parents or carers returned and any withdrawals; and the images of pupils in use.
/// Pupils come from the AUP roster. Like the other areas, every change is checked first,
/// committed with an audit entry to the one small file it touches, and only then kept.
///
/// Recording needs ``Permission/recordConsent`` (staff and leads); reading needs
/// ``Permission/readConsent``: the office and staff taking photographs must see who may not be
/// photographed, governors see only counts.
public final class ConsentRegister {
    unowned let workspace: Workspace
    public private(set) var isLoaded = false
    private var shards: [String: [ConsentEvent]] = [:]
    private var byPupil: [String: [ConsentEvent]] = [:]
    public private(set) var images: [ImageInUse] = []
    private var nextImageNumber = 1

    init(workspace: Workspace) { self.workspace = workspace }

    var store: Store { workspace.store }
    /// The AUP roster the pupils come from.
    public var roster: AUPRegister { workspace.aup }

    /// Reads the roster and every consent file (once).
    public func load() throws {
        try roster.load()
        guard !isLoaded else { return }
        for bucket in AUPDocumentName.buckets {
            try reloadShard(ConsentDocumentName.events(bucket: bucket))
        }
        let document = try store.load(ImagesDocument.self, from: ConsentDocumentName.images) ?? ImagesDocument(images: [], nextNumber: 1)
        try RecordCheck.refuseDuplicates(document.images.map(\.id), kind: "image", in: ConsentDocumentName.images + ".json")
        images = document.images
        nextImageNumber = document.nextNumber
        isLoaded = true
    }

    private func reloadShard(_ name: String) throws {
        let fresh = try store.load(ConsentShardDocument.self, from: name)?.events ?? []
        for event in shards[name] ?? [] { byPupil[event.personID]?.removeAll { $0 == event } }
        shards[name] = fresh
        for event in fresh { byPupil[event.personID, default: []].append(event) }
    }

    /// Brings what is loaded up to date with what other sessions committed.
    func refresh(documents: Set<String>) throws {
        guard isLoaded else { return }
        for name in documents where name.hasPrefix(ConsentDocumentName.folder + "/pupils-") { try reloadShard(name) }
        if documents.contains(ConsentDocumentName.images),
           let document = try store.load(ImagesDocument.self, from: ConsentDocumentName.images) {
            images = document.images
            nextImageNumber = document.nextNumber
        }
    }

    // MARK: Reading

    /// One pupil's consent today.
    public func consent(of personID: String) -> PupilConsent {
        PupilConsent(personID: personID, events: byPupil[personID] ?? [])
    }

    /// Every pupil on the roster with their consent, by name.
    public func pupils() throws -> [(pupil: RosterPerson, consent: PupilConsent)] {
        try workspace.require(.readConsent)
        try load()
        return roster.people(in: .pupil).map { ($0, consent(of: $0.id)) }
    }

    /// The pupils among `people` who may not be shown in at least one of `uses`, by name, with
    /// the uses refused: the "who may not be photographed" list for a class or a trip.
    public func notPhotographed(_ people: [RosterPerson], uses: [ConsentUse] = ConsentUse.imageUses) throws -> [NotPhotographedLine] {
        try workspace.require(.readConsent)
        try load()
        return TextSearch.sortedByName(people, name: \.fullName).compactMap { pupil in
            let consent = consent(of: pupil.id)
            let refused = consent.refused(among: uses)
            return refused.isEmpty ? nil : NotPhotographedLine(pupil: pupil, refused: refused, consent: consent)
        }
    }

    /// The pupils of a class, checked against the class list.
    public func pupils(inClass name: String) throws -> [RosterPerson] {
        try load()
        guard roster.schoolClass(name) != nil || roster.people(in: .pupil).contains(where: { $0.className == name }) else {
            throw ConsentError.unknownClass(name)
        }
        return roster.pupils(inClass: name)
    }

    /// Images still in use that show a pupil whose consent for the image's use is not given now.
    public func imagesToReview() throws -> [ImageReviewItem] {
        try workspace.require(.readConsent)
        try load()
        return images.filter(\.isInUse).compactMap { image in
            let pupils = image.pupilIDs.compactMap { id -> (id: String, name: String, state: PupilConsent.State)? in
                let state = consent(of: id).state(image.use)
                return state.allows ? nil : (id, roster.person(id)?.fullName ?? id, state)
            }
            return pupils.isEmpty ? nil : ImageReviewItem(image: image, pupils: pupils)
        }
    }

    // MARK: Changes

    /// Records a returned consent form: the uses ticked are given, every other use refused.
    @discardableResult
    public func recordForm(personID: String, given uses: Set<ConsentUse>, by giver: String, on date: CivilDate,
                           formVersion: String) throws -> ConsentEvent {
        try workspace.require(.recordConsent)
        try load()
        let pupil = try checkedPupil(personID)
        let version = formVersion.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !version.isEmpty else { throw ConsentError.noFormVersion }
        let event = try newEvent(pupil, .given, Array(uses), by: giver, on: date, formVersion: version)
        let given = event.uses.isEmpty ? "no uses" : event.uses.map(\.title).joined(separator: ", ")
        try commit([event], action: "consent.form", recordID: pupil.id,
                   summary: "Recorded consent form \(version) for \(pupil.fullName) (\(pupil.id)) signed by \(event.by) on \(date): given for \(given)")
        return event
    }

    /// Records a withdrawal of consent for `uses` (every use given, when empty).
    @discardableResult
    public func withdraw(personID: String, uses: Set<ConsentUse> = [], by who: String, on date: CivilDate) throws -> ConsentEvent {
        try workspace.require(.recordConsent)
        try load()
        let pupil = try checkedPupil(personID)
        let current = consent(of: pupil.id)
        let chosen = uses.isEmpty ? ConsentUse.allCases.filter(current.allows) : uses.filter(current.allows).sorted()
        guard !chosen.isEmpty else { throw ConsentError.nothingToWithdraw(pupil.fullName) }
        let event = try newEvent(pupil, .withdrawn, chosen, by: who, on: date, formVersion: nil)
        try commit([event], action: "consent.withdraw", recordID: pupil.id,
                   summary: "Recorded that \(event.by) withdrew consent for \(pupil.fullName) (\(pupil.id)) on \(date): \(chosen.map(\.title).joined(separator: ", "))")
        return event
    }

    /// Puts an image of pupils on the register of images in use.
    @discardableResult
    public func addImage(description: String, use: ConsentUse, pupilIDs: [String], publishedOn: CivilDate) throws -> ImageInUse {
        try workspace.require(.recordConsent)
        try load()
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ConsentError.noDescription }
        guard !pupilIDs.isEmpty else { throw ConsentError.noPupils }
        for id in pupilIDs { _ = try checkedPupil(id) }
        var image = ImageInUse(id: "", description: text, use: use, pupilIDs: Array(Set(pupilIDs)).sorted(),
                               publishedOn: publishedOn, removedOn: nil, removedBy: nil, recordedBy: workspace.actor)
        try changeImages(action: "consent.image.add") { document, transaction in
            document.nextNumber = transaction.allocate("image", atLeast: document.nextNumber)
            image.id = "image-" + String(format: "%04d", document.nextNumber)
            document.nextNumber += 1
            document.images.append(image)
            transaction.recordID = image.id
            transaction.summary = "Put \(image.id) (\(text), \(use.title)) on the register of images in use, showing \(image.pupilIDs.count) pupil\(image.pupilIDs.count == 1 ? "" : "s")"
        }
        return image
    }

    /// Records that an image is no longer in use (it has been taken down).
    public func removeImage(_ id: String, on date: CivilDate) throws {
        try workspace.require(.recordConsent)
        try load()
        guard date <= workspace.today else { throw ConsentError.inTheFuture(date) }
        try changeImages(action: "consent.image.remove") { document, transaction in
            guard let index = document.images.firstIndex(where: { $0.id == id }) else { throw ConsentError.unknownImage(id) }
            guard document.images[index].isInUse else { throw ConsentError.alreadyRemoved(id) }
            document.images[index].removedOn = date
            document.images[index].removedBy = workspace.actor
            transaction.recordID = id
            transaction.summary = "Recorded \(id) (\(document.images[index].description)) as no longer in use from \(date)"
        }
    }

    // MARK: Internals

    func checkedPupil(_ id: String) throws -> RosterPerson {
        guard let pupil = roster.person(id), pupil.group == .pupil else { throw ConsentError.notAPupil(id) }
        return pupil
    }

    func newEvent(_ pupil: RosterPerson, _ kind: ConsentEvent.Kind, _ uses: [ConsentUse], by who: String, on date: CivilDate,
                  formVersion: String?) throws -> ConsentEvent {
        let name = who.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ConsentError.noGiver }
        guard date <= workspace.today else { throw ConsentError.inTheFuture(date) }
        return ConsentEvent(personID: pupil.id, kind: kind, uses: uses, by: name, on: date, formVersion: formVersion,
                            recordedBy: workspace.actor, recordedAt: workspace.now())
    }

    /// Adds events to their shards as last committed (other sessions' events there are kept), in one commit.
    func commit(_ events: [ConsentEvent], action: String, recordID: String?, summary: String) throws {
        let byShard = Dictionary(grouping: events) { ConsentDocumentName.events(bucket: RosterPerson.bucket(of: $0.personID)) }
        try store.commit(actor: workspace.actor, action: action, recordID: recordID, summary: summary) { transaction in
            for (name, added) in byShard.sorted(by: { $0.key < $1.key }) {
                if !transaction.isUnchanged(name) { try reloadShard(name) }
                try transaction.write(ConsentShardDocument(events: (shards[name] ?? []) + added), to: name)
            }
        }
        for (name, added) in byShard {
            shards[name, default: []] += added
            for event in added { byPupil[event.personID, default: []].append(event) }
        }
    }

    private func changeImages(action: String, _ body: (inout ImagesDocument, StoreTransaction) throws -> Void) throws {
        var document = ImagesDocument(images: images, nextNumber: nextImageNumber)
        try store.commit(actor: workspace.actor, action: action) { transaction in
            if !transaction.isUnchanged(ConsentDocumentName.images) {
                document = try store.load(ImagesDocument.self, from: ConsentDocumentName.images) ?? document
            }
            try body(&document, transaction)
            try transaction.write(document, to: ConsentDocumentName.images)
        }
        images = document.images
        nextImageNumber = document.nextNumber
    }
}

/// A line of the "who may not be photographed" list: the pupil and the uses they may not be shown in.
public struct NotPhotographedLine: Sendable, Equatable {
    public var pupil: RosterPerson
    public var refused: [ConsentUse]
    public var consent: PupilConsent

    /// "No consent form" or "Not for: School website, Social media".
    public var reason: String {
        if consent.latestForm == nil { return "No consent form returned" }
        if Set(ConsentUse.imageUses).isSubset(of: refused) { return "Not to be photographed at all" }
        return "Not for: " + refused.map(\.title).joined(separator: ", ")
    }
}
