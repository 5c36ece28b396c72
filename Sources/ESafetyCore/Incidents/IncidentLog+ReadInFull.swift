import Foundation

/// Opening the log by reading every record, for work that needs the whole of each anyway (an
/// export): the sealed index would only say which files to read, so it is neither read nor
/// saved. Every file is read and opened as ``allRecords()`` reads them (the same checks and
/// errors, document by document, in order), and what the session may read is kept.
extension IncidentLog {
    /// How the log lists incidents when it opens.
    enum Listing {
        /// From the sealed index, opening only the files it has not seen as they are.
        case fromIndex
        /// From every record, read (taken from a read ahead where still current) and opened.
        case everyRecordRead(IncidentReadAhead?)
    }

    /// The summaries of every record in `names` that the session may open, unsorted; the records
    /// are kept as opened, so ``allRecords()`` reads nothing again.
    func summariesReadingEveryRecord(_ names: [String], readAhead: IncidentReadAhead?) throws -> [IncidentSummary] {
        var readable: [IncidentSummary] = []
        for record in try readRecords(documents: names, readAhead: readAhead) {
            guard let record else { continue }  // sealed to others
            let summary = IncidentSummary(record)
            guard vault.mayOpen(summary) else { continue }
            readable.append(summary)
            openedRecords[record.id] = record
        }
        return readable
    }
}
