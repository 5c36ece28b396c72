import Foundation

/// `incident-figures.json`: incidents counted by term and type, with no ids, names or dates,
/// kept up to date as incidents are recorded and revised. It is what governors see, and all
/// that can be learnt of incidents from the files without the records key besides dates and
/// statuses.
struct IncidentFiguresDocument: Codable, Equatable {
    /// Term ("Autumn 2026") to incident type id to count.
    var byTerm: [String: [String: Int]] = [:]
    /// Term to the number of incidents in it.
    var incidentsByTerm: [String: Int] = [:]

    /// True when every count is 0 (a change that moves no figure).
    var isZero: Bool {
        incidentsByTerm.values.allSatisfy { $0 == 0 } && byTerm.values.allSatisfy { $0.values.allSatisfy { $0 == 0 } }
    }

    mutating func apply(_ record: IncidentRecord, timeZone: TimeZone, delta: Int) {
        let term = SchoolTermLabel.usual(for: record.date(in: timeZone)).description
        incidentsByTerm[term, default: 0] += delta
        for type in record.report.typeIDs { byTerm[term, default: [:]][type, default: 0] += delta }
    }
}
