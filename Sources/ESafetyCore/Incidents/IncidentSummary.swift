import CivilTime
import Foundation

/// What the incident log, the home dashboard and the chronologies show of an incident without
/// reading the whole record: its id, dates, status, types, who was involved and its
/// follow-ups. The whole record (description, actions, history, walks) is read only when the
/// incident is opened. Summaries of sealed incidents are kept in the sealed incident index
/// (see ``IncidentIndex``), so a lead's log opens without opening every record.
public struct IncidentSummary: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var recordedAt: Date
    public var status: IncidentStatus
    public var occurredOn: CivilDate?
    public var typeIDs: [String]
    /// The "Other, specify" text, when the type "other" is ticked.
    public var otherType: String
    public var involved: [InvolvedParty]
    public var allegationAgainstStaff: Bool?
    public var followUps: [FollowUpAction]
    /// How many times the response flowchart has been walked for it.
    public var walkCount: Int
    /// Who recorded it (for "New since you last signed in").
    public var recordedBy: AuditActor

    init(id: String, recordedAt: Date, status: IncidentStatus, occurredOn: CivilDate?, typeIDs: [String], otherType: String,
         involved: [InvolvedParty], allegationAgainstStaff: Bool?, followUps: [FollowUpAction], walkCount: Int, recordedBy: AuditActor) {
        self.id = id; self.recordedAt = recordedAt; self.status = status; self.occurredOn = occurredOn; self.typeIDs = typeIDs
        self.otherType = otherType; self.involved = involved; self.allegationAgainstStaff = allegationAgainstStaff
        self.followUps = followUps; self.walkCount = walkCount; self.recordedBy = recordedBy
    }

    public init(_ record: IncidentRecord) {
        id = record.id
        recordedAt = record.recordedAt
        status = record.status
        occurredOn = record.report.occurredOn
        typeIDs = record.report.typeIDs
        otherType = record.report.otherType
        involved = record.report.involved
        allegationAgainstStaff = record.report.allegationAgainstStaff
        followUps = record.followUps
        walkCount = record.walks.count
        recordedBy = record.recordedBy
    }

    public var isStaffAllegation: Bool { allegationAgainstStaff ?? false }

    /// The day the incident happened, or the day it was recorded if that is missing.
    public func date(in timeZone: TimeZone = .current) -> CivilDate {
        occurredOn ?? CivilDate.today(at: recordedAt, in: timeZone)
    }

    /// Follow-ups not done whose date has passed.
    public func overdueFollowUps(today: CivilDate) -> [FollowUpAction] {
        followUps.filter { $0.isOverdue(today: today) }
    }

    /// True when a person (by record, or by name) is among those involved.
    public func involves(personID: String?, name: String) -> Bool {
        InvolvedParty.anyInvolves(involved, personID: personID, name: name)
    }

    /// The types as the form words them, with the "Other, specify" text for "other".
    public func typeLabels(_ form: IncidentFormDefinition) -> [String] {
        typeIDs.map { $0 == IncidentFormDefinition.otherTypeID && !otherType.isEmpty
            ? otherType : IncidentFormDefinition.label($0, in: form.incidentTypes) }
    }
}
