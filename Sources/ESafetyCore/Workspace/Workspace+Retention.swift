import CivilTime

extension Workspace {
    /// For the retention review: each child involved in each incident the signed-in person may
    /// read, with the child's date of birth from the AUP roster when their name matches a pupil
    /// there. A record whose child has no known date of birth is listed as unjudgeable.
    func incidentRetentionRecords() -> [RetentionRecord] {
        guard let log = try? incidents() else { return [] }
        try? aup.load()
        var births: [String: CivilDate] = [:]
        for pupil in aup.people(in: .pupil) {
            if let born = pupil.dateOfBirth { births[TextSearch.fold(pupil.fullName)] = born }
        }
        return log.summaries.flatMap { record in
            record.involved.filter { $0.kind == .child }.map { child in
                RetentionRecord(recordID: record.id, pupilDateOfBirth: births[TextSearch.fold(child.name)],
                                summary: "\(record.id), \(record.date(in: timeZone)), \(child.name)")
            }
        }
    }
}
