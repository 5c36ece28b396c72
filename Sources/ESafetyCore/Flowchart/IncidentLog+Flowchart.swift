import Foundation

extension IncidentLog {
    /// Keeps a finished walk with the incident, after any earlier walks. The walk's id is
    /// renumbered to follow them.
    @discardableResult
    public func saveWalk(_ walk: FlowchartWalk, to id: String) throws -> FlowchartWalk {
        var kept = walk
        try changeRecord(id, action: "incident.flowchart.walk") { record in
            kept.id = (record.walks.map(\.id).max() ?? 0) + 1
            kept.walkedAt = Self.wholeSecond(walk.walkedAt)
            record.walks.append(kept)
            return "Kept flowchart walk \(kept.id) (\(kept.chartID), outcome step \(kept.outcomeStepID)) with incident \(id)"
        }
        return kept
    }

    /// Ticks an action of a walk: who and when are recorded, and the matching item of the
    /// incident's staff or child "Action taken" list is ticked too (if it is not already). The
    /// report is not revised, but the change is audited.
    public func tickWalkAction(_ actionID: String, walk walkID: Int, of id: String) throws {
        try changeRecord(id, action: "incident.flowchart.tick") { record in try tick(actionID, walk: walkID, of: id, in: &record) }
    }

    private func tick(_ actionID: String, walk walkID: Int, of id: String, in record: inout IncidentRecord) throws -> String {
        guard let walkIndex = record.walks.firstIndex(where: { $0.id == walkID }) else { throw FlowchartError.unknownWalk(walkID) }
        guard let index = record.walks[walkIndex].actions.firstIndex(where: { $0.id == actionID }) else {
            throw FlowchartError.unknownAction(actionID)
        }
        guard !record.walks[walkIndex].actions[index].isDone else { throw FlowchartError.alreadyDone(actionID) }
        let who = actor()
        record.walks[walkIndex].actions[index].doneAt = Self.wholeSecond(now())
        record.walks[walkIndex].actions[index].doneBy = who
        let item = record.walks[walkIndex].actions[index]
        var ticked: [String] = []
        if let staff = item.staffActionID, !record.report.staffActions.contains(where: { $0.itemID == staff }) {
            record.report.staffActions.append(ActionTaken(itemID: staff, by: who.name, on: today))
            ticked.append("staff \(staff)")
        }
        if let child = item.childActionID, !record.report.childActions.contains(where: { $0.itemID == child }) {
            record.report.childActions.append(ActionTaken(itemID: child, by: who.name, on: today))
            ticked.append("child \(child)")
        }
        let also = ticked.isEmpty ? "" : "; ticked \(ticked.joined(separator: " and ")) on the form"
        return "Ticked action \(actionID) of flowchart walk \(walkID) on incident \(id)\(also)"
    }
}
