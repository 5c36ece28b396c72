import CivilTime

/// What governors may see of incidents: counts by type and by term, never names or details.
public struct GovernorFigures: Sendable, Equatable {
    /// One row of counts with its label.
    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    /// Incidents of each type of the form (an incident of two types counts in both), in form order.
    public var byType: [Count]
    /// Incidents in each term, oldest term first.
    public var byTerm: [Count]
    /// Incidents counted.
    public var total: Int

    /// Counts the given incidents. Only their types, dates and statuses are read.
    public init(records: [IncidentSummary], form: IncidentFormDefinition, dateOf: (IncidentSummary) -> CivilDate,
                term: (CivilDate) -> SchoolTermLabel) {
        total = records.count
        byType = form.incidentTypes.map { type in
            Count(label: type.label, count: records.filter { $0.typeIDs.contains(type.id) }.count)
        }
        var terms: [SchoolTermLabel: Int] = [:]
        for record in records { terms[term(dateOf(record)), default: 0] += 1 }
        byTerm = terms.keys.sorted().map { Count(label: $0.description, count: terms[$0]!) }
    }

    /// The figures from the counts kept for governors.
    init(counts: IncidentFiguresDocument, form: IncidentFormDefinition) {
        total = counts.incidentsByTerm.values.reduce(0, +)
        byType = form.incidentTypes.map { type in
            Count(label: type.label, count: counts.byTerm.values.reduce(0) { $0 + ($1[type.id] ?? 0) })
        }
        let terms = counts.incidentsByTerm.filter { $0.value > 0 }.keys.compactMap(SchoolTermLabel.init(text:)).sorted()
        byTerm = terms.map { Count(label: $0.description, count: counts.incidentsByTerm[$0.description] ?? 0) }
    }
}
