import CivilTime
import Foundation

/// What the lists and the dashboard ask of the incident log, from the summaries alone.
extension IncidentLog {
    public var openIncidents: [IncidentSummary] { summaries.filter { $0.status == .open } }

    /// Every follow-up past its date, with its incident, oldest first.
    public func overdueFollowUps(today: CivilDate) -> [(incident: IncidentSummary, action: FollowUpAction)] {
        summaries.flatMap { incident in incident.overdueFollowUps(today: today).map { (incident: incident, action: $0) } }
            .sorted { $0.action.due < $1.action.due }
    }

    /// Every incident that involves a person (by record, or by name), in the order they happened.
    public func chronology(personID: String?, name: String) -> [IncidentSummary] {
        summaries.filter { $0.involves(personID: personID, name: name) }
            .sorted { ($0.date(in: timeZone), $0.id) < ($1.date(in: timeZone), $1.id) }
    }

    /// Incidents matching every filter given.
    public func filtered(by filter: IncidentFilter, term: (CivilDate) -> SchoolTermLabel) -> [IncidentSummary] {
        summaries.filter { incident in
            if let status = filter.status, incident.status != status { return false }
            if let type = filter.typeID, !incident.typeIDs.contains(type) { return false }
            if let wanted = filter.term, term(incident.date(in: timeZone)) != wanted { return false }
            if !filter.person.trimmed.isEmpty,
               !incident.involved.contains(where: { TextSearch.matches(filter.person, in: [$0.name]) }) { return false }
            return true
        }
    }

}
