import CivilTime
import Foundation

/// Retention that acts (IRMS toolkit: child-protection records are kept until the pupil's date
/// of birth plus 25 years, then reviewed): the records past it, with the pupil's date of birth,
/// and their destruction by a lead with a reason, leaving a tombstone in the audit log and no
/// content anywhere in the store, its backups included. See docs/retention.md.
extension Workspace {
    /// For the retention review: each child involved in each incident the signed-in person may
    /// read, with the child's date of birth from the AUP roster: by the roster pupil the incident
    /// links to, else by name. A record whose child has no known date of birth is unjudgeable.
    func incidentRetentionRecords() -> [RetentionRecord] {
        guard let log = try? incidents() else { return [] }
        try? aup.load()
        var births: [String: CivilDate] = [:]
        var byID: [String: CivilDate] = [:]
        for pupil in aup.people(in: .pupil) {
            if let born = pupil.dateOfBirth { births[TextSearch.fold(pupil.fullName)] = born; byID[pupil.id] = born }
        }
        return log.summaries.flatMap { record in
            record.involved.filter { $0.kind == .child }.map { child in
                RetentionRecord(recordID: record.id, pupilDateOfBirth: child.personID.flatMap { byID[$0] } ?? births[TextSearch.fold(child.name)],
                                summary: "\(record.id), \(record.date(in: timeZone)), \(child.name)")
            }
        }
    }

    /// The records whose every child is past DOB + 25 today, earliest first, for leads.
    public func recordsPastRetention() throws -> [RetentionReport.Entry] {
        try require(.destroyRecords)
        let records = incidentRetentionRecords()
        let due = RetentionRule.report(records, today: today).due
        // A record involving two children is kept until the younger one's retention ends.
        let keep = Set(records.filter { record in
            record.pupilDateOfBirth.map { RetentionRule.reviewDate(dateOfBirth: $0) > today } ?? true
        }.map(\.recordID))
        return due.filter { !keep.contains($0.record.recordID) }
    }

    /// Destroys an incident past retention: one commit deletes its file, with an audit entry that
    /// is its tombstone (the id, when it was recorded and happened, when retention ended, who and
    /// why: no content, no names); then every copy in `backups/` is removed.
    @discardableResult
    public func destroyRecord(_ id: String, reason: String) throws -> String {
        try require(.destroyRecords)
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for destroying the record") }
        let log = try incidents()
        guard let record = try log.loadRecord(id) else {
            throw log.allIDs.contains(id) ? AccessError.restrictedIncident(id) : IncidentError.unknownIncident(id)
        }
        guard let entry = try recordsPastRetention().filter({ $0.record.recordID == id }).max(by: { $0.reviewDate < $1.reviewDate }) else {
            throw RetentionError.notPastRetention(id)
        }
        let tombstone = "Destroyed incident \(id) (recorded \(CivilDate.today(at: record.recordedAt, in: timeZone)), happened "
            + "\(record.date(in: timeZone)); retention ended \(entry.reviewDate)) past retention: \(reason.trimmed)"
        let name = IncidentLog.folder + "/" + id
        try store.commit(actor: actor, action: "record.destroy", recordID: id, summary: tombstone) { transaction in
            guard transaction.revision(of: name) != nil else { throw IncidentError.unknownIncident(id) }
            try transaction.delete(name)
        }
        purgeBackups(of: name + ".json")
        loadedIncidents = nil
        _ = try? incidents()  // opening again rewrites the sealed index without the record's summary
        return tombstone
    }

    /// Removes every copy of a document under `backups/` (daily, replaced, upgrade copies).
    func purgeBackups(of relative: String) {
        let backups = store.directory.appendingPathComponent(StoreMigration.backupsFolder).path
        guard let walker = FileManager.default.enumerator(atPath: backups) else { return }
        while let path = walker.nextObject() as? String {
            if path == relative || path.hasSuffix("/" + relative) { unlink((backups as NSString).appendingPathComponent(path)) }
        }
    }
}

/// A retention step that cannot be taken, worded for the person at the terminal.
public enum RetentionError: Error, Equatable, CustomStringConvertible {
    case notPastRetention(String)

    public var description: String {
        switch self {
        case .notPastRetention(let id):
            return "Incident \(id) is not past retention: every child it involves must be known to have turned 25 (DOB + 25 years). Nothing was destroyed."
        }
    }
}
