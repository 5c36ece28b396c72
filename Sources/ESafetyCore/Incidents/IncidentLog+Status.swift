import CivilTime
import Foundation

/// An incident's progress after it is recorded: its status (closed, no further action,
/// reopened, each with its reason kept), its follow-up actions and its device review. Each
/// change is one commit through ``IncidentLog/changeRecord(_:action:_:)``.
extension IncidentLog {
    // MARK: Status

    /// Closes an open incident. The outcome is required: given here, or already in the report.
    public func close(_ id: String, outcome: String) throws {
        try changeRecord(id, action: "incident.close") { record in
            guard record.status == .open else { throw IncidentError.alreadyInStatus(record.status.label) }
            let text = outcome.trimmed.isEmpty ? record.report.outcome.trimmed : outcome.trimmed
            guard !text.isEmpty else { throw IncidentError.outcomeRequired }
            if text != record.report.outcome {
                record.revisions.append(IncidentRecord.Revision(number: record.revisions.count + 1, replacedAt: Self.wholeSecond(now()),
                                                                replacedBy: actor(), reason: "Outcome written when closing", report: record.report))
                record.report.outcome = text
            }
            changeStatus(&record, to: .closed, reason: "Closed with an outcome")
            return "Closed incident \(id)"
        }
    }

    /// Marks an open incident as needing no further action; the reason is required and kept.
    public func markNoFurtherAction(_ id: String, reason: String) throws {
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for taking no further action") }
        try changeRecord(id, action: "incident.no-further-action") { record in
            guard record.status == .open else { throw IncidentError.alreadyInStatus(record.status.label) }
            changeStatus(&record, to: .noFurtherAction, reason: reason.trimmed)
            return "Marked incident \(id) as no further action"
        }
    }

    /// Reopens a closed incident; the reason is required and kept.
    public func reopen(_ id: String, reason: String) throws {
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for reopening the incident") }
        try changeRecord(id, action: "incident.reopen") { record in
            guard record.status != .open else { throw IncidentError.alreadyInStatus(record.status.label) }
            changeStatus(&record, to: .open, reason: reason.trimmed)
            return "Reopened incident \(id)"
        }
    }

    fileprivate func changeStatus(_ record: inout IncidentRecord, to status: IncidentStatus, reason: String) {
        record.statusHistory.append(IncidentRecord.StatusChange(at: Self.wholeSecond(now()), by: actor(), from: record.status, to: status, reason: reason))
        record.status = status
    }

    // MARK: Follow-ups and device reviews

    @discardableResult
    public func addFollowUp(to id: String, what: String, owner: Person?, ownerName: String, due: CivilDate) throws -> FollowUpAction {
        guard !what.trimmed.isEmpty else { throw IncidentError.emptyFollowUp }
        var added: FollowUpAction?
        try changeRecord(id, action: "incident.follow-up.add") { record in
            let action = FollowUpAction(id: (record.followUps.map(\.id).max() ?? 0) + 1, what: what.trimmed,
                                        ownerPersonID: owner?.id, ownerName: owner?.fullName ?? ownerName.trimmed, due: due)
            record.followUps.append(action)
            added = action
            return "Added follow-up \(action.id) to incident \(id), due \(due)"
        }
        guard let added else { throw IncidentError.unknownIncident(id) }
        return added
    }

    public func completeFollowUp(_ followUpID: Int, of id: String, on date: CivilDate) throws {
        try changeRecord(id, action: "incident.follow-up.done") { record in
            guard let index = record.followUps.firstIndex(where: { $0.id == followUpID }) else { throw IncidentError.unknownFollowUp(followUpID) }
            record.followUps[index].doneOn = date
            record.followUps[index].doneBy = actor().name
            return "Follow-up \(followUpID) of incident \(id) done on \(date)"
        }
    }

    public func saveDeviceReview(_ review: DeviceReview, for id: String) throws {
        try changeRecord(id, action: "incident.device-review") { record in
            record.deviceReview = review
            return "Saved the device review of incident \(id)"
        }
    }
}
