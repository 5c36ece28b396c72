import CivilTime
import Foundation

/// The texts and class list a store starts with, from `Resources/aup/`: saved into a new store,
/// and published on first load into a store made before AUPs existed.
extension AUPRegister {
    /// Saves the default texts and class list into a new store, and a fictional roster with
    /// some signatures for a demo.
    static func seed(into store: Store, actor: AuditActor, today: CivilDate, now: Date, demo: Bool) throws {
        let versions = try defaultVersions(on: demo ? SchoolYear(containing: today).start : today)
        try store.save(AUPVersionsDocument(versions: versions), to: AUPDocumentName.versions, actor: actor, action: "store.create",
                       recordID: nil, summary: "Published the default AUP texts")
        let classes = try DefaultResources.decode(ClassListDocument.self, from: classesResource)
        try store.save(classes, to: AUPDocumentName.classes, actor: actor, action: "store.create", recordID: nil,
                       summary: "Created the class list from the defaults")
        if demo { try AUPDemoData.seed(into: store, actor: actor, versions: versions, classes: classes.classes, today: today, now: now) }
    }

    /// The published versions; in a store made before AUPs existed, the default texts, dated
    /// today and published at once where the store is writable.
    func loadVersionsOrPublishDefaults() throws -> [AUPVersion] {
        if let document = try store.load(AUPVersionsDocument.self, from: AUPDocumentName.versions) { return document.versions }
        let defaults = try Self.defaultVersions(on: today)
        if store.access == .readWrite {
            try store.save(AUPVersionsDocument(versions: defaults), to: AUPDocumentName.versions, actor: workspace.actor,
                           action: "aup.publish", recordID: nil, summary: "Published the default AUP texts")
        }
        return defaults
    }

    /// The default texts of every AUP, published on `date`.
    static func defaultVersions(on date: CivilDate) throws -> [AUPVersion] {
        try AUPKind.allCases.map { kind in
            guard let text = DefaultResources.text(kind.resourcePath) else { throw DefaultResourceError.missing(kind.resourcePath) }
            return AUPVersion(kind: kind, text: text, publishedOn: date)
        }
    }

    /// The default class list (`Resources/aup/classes.json`).
    static func defaultClasses() throws -> [SchoolClass] {
        try DefaultResources.decode(ClassListDocument.self, from: classesResource).classes
    }

    static let classesResource = "aup/classes.json"
}
