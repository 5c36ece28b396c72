import CivilTime
import Foundation

/// An alert from the school's monitoring provider (Smoothwall, Senso, Impero and the like): what
/// a user did, on which device, and what the provider flagged. Recorded, it is the start of an
/// incident: the report is filled in from the alert and the lead takes it from there.
public struct MonitoringAlert: Sendable, Equatable {
    /// The provider's name: "Smoothwall Monitor".
    public var provider: String
    /// The provider's reference for the alert, if it has one.
    public var reference: String
    public var date: CivilDate
    public var time: ClockTime?
    /// Who the alert is about (a pupil's or adult's name, or the account name) and what they are.
    public var userName: String
    public var userKind: InvolvedParty.Kind
    public var device: String
    /// The incident type of the form this alert is ("self-harm" → "other", "gambling", …).
    public var typeID: String
    public var otherType: String
    /// What the provider reported: the words typed or the site visited, and its severity.
    public var detail: String
    public var access: IncidentReport.Access

    public init(provider: String, reference: String = "", date: CivilDate, time: ClockTime? = nil, userName: String,
                userKind: InvolvedParty.Kind = .child, device: String, typeID: String, otherType: String = "",
                detail: String, access: IncidentReport.Access) {
        self.provider = provider; self.reference = reference; self.date = date; self.time = time; self.userName = userName
        self.userKind = userKind; self.device = device; self.typeID = typeID; self.otherType = otherType
        self.detail = detail; self.access = access
    }

    /// The incident report the alert starts: reported by the provider, found by monitoring.
    public var report: IncidentReport {
        var report = IncidentReport()
        report.occurredOn = date
        report.occurredAt = time
        report.reporterName = provider.trimmed
        report.reporterRole = "Monitoring provider"
        report.identifiedHow = "Monitoring alert" + (reference.trimmed.isEmpty ? "" : " \(reference.trimmed)") + " from \(provider.trimmed)"
        report.location = .inSchool
        report.involved = userName.trimmed.isEmpty ? [] : [InvolvedParty(kind: userKind, name: userName.trimmed)]
        report.typeIDs = typeID.isEmpty ? [] : [typeID]
        report.otherType = otherType.trimmed
        report.riskAreaIDs = ["content"]
        report.description = "Monitoring alert on \(device.trimmed.isEmpty ? "an unnamed device" : device.trimmed): \(detail.trimmed)"
        report.access = access
        report.materialUseIDs = []
        return report
    }
}

extension FilteringArea {
    /// Records a monitoring alert as a new incident (anyone who may record incidents may do so).
    /// - Throws: ``IncidentError/incomplete(_:)`` naming what the alert lacks.
    @discardableResult
    public func recordAlert(_ alert: MonitoringAlert) throws -> IncidentRecord {
        try workspace.incidents().submit(alert.report)
    }
}
