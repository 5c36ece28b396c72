import CivilTime
import Foundation

/// An incident as kept in the store (`incidents/<id>.json`): the report, its status, and its
/// whole history. Nothing is edited silently: every earlier version of the report is kept as a
/// revision, and every change of status with who, when and why.
public struct IncidentRecord: Codable, Sendable, Hashable, Identifiable {
    /// A change of status, with the reason where the rules ask for one.
    public struct StatusChange: Codable, Sendable, Hashable {
        public var at: Date
        public var by: AuditActor
        public var from: IncidentStatus?
        public var to: IncidentStatus
        public var reason: String
    }

    /// The report as it was before an edit, with who changed it and why.
    public struct Revision: Codable, Sendable, Hashable {
        public var number: Int
        public var replacedAt: Date
        public var replacedBy: AuditActor
        public var reason: String
        public var report: IncidentReport
    }

    /// Readable and sortable: the year it was recorded and a number, e.g. `2026-0007`.
    public var id: String
    public var recordedAt: Date
    public var recordedBy: AuditActor
    public var status: IncidentStatus
    public var report: IncidentReport
    public var statusHistory: [StatusChange]
    public var revisions: [Revision]
    public var followUps: [FollowUpAction]
    public var deviceReview: DeviceReview?
    /// Walks of the response flowchart, oldest first (a record from before walks has none).
    @WalksOrEmpty public var walks: [FlowchartWalk] = []
    /// Set on a prior record received from the pupil's previous school: it is read-only here.
    public var transferredFrom: TransferOrigin?

    public init(id: String, recordedAt: Date, recordedBy: AuditActor, report: IncidentReport) {
        self.id = id
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.status = .open
        self.report = report
        self.statusHistory = [StatusChange(at: recordedAt, by: recordedBy, from: nil, to: .open, reason: "Reported")]
        self.revisions = []
        self.followUps = []
    }

    /// The day the incident happened, or the day it was recorded if that is missing.
    public func date(in timeZone: TimeZone = .current) -> CivilDate {
        report.occurredOn ?? CivilDate.today(at: recordedAt, in: timeZone)
    }

    /// Follow-ups not done whose date has passed.
    public func overdueFollowUps(today: CivilDate) -> [FollowUpAction] {
        followUps.filter { $0.isOverdue(today: today) }
    }
}
