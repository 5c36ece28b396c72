import Foundation

/// The governors' figures: incidents counted by type and term, with no names, kept in
/// `incident-figures.json` and changed in the same commit as the incident that moves them.
extension IncidentLog {
    /// The counts governors see, kept up to date in the same commit as every incident recorded
    /// or revised, so they can be shown without the records key.
    public func governorFigures() throws -> GovernorFigures {
        if let counts = try store.load(IncidentFiguresDocument.self, from: Self.figuresDocument) {
            return GovernorFigures(counts: counts, form: form)
        }
        return GovernorFigures(records: summaries, form: form, dateOf: { $0.date(in: self.timeZone) }, term: SchoolTermLabel.usual)
    }

    /// Adds the figures to a commit that records or changes an incident, if they move.
    func stageFigures(in transaction: StoreTransaction, removing old: IncidentRecord?, adding new: IncidentRecord) throws {
        guard vault.isSecured else { return }
        var delta = IncidentFiguresDocument()
        if let old { delta.apply(old, timeZone: timeZone, delta: -1) }
        delta.apply(new, timeZone: timeZone, delta: 1)
        guard !delta.isZero else { return }
        var counts = try transaction.load(IncidentFiguresDocument.self, from: Self.figuresDocument) ?? IncidentFiguresDocument()
        if let old { counts.apply(old, timeZone: timeZone, delta: -1) }
        counts.apply(new, timeZone: timeZone, delta: 1)
        try transaction.write(counts, to: Self.figuresDocument)
    }

}
