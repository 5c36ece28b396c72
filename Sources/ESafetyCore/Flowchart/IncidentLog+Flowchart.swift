import Foundation

extension IncidentLog {
    /// Keeps a finished walk with the incident, after any earlier walks. The walk's id is
    /// renumbered to follow them.
    @discardableResult
    public func saveWalk(_ walk: FlowchartWalk, to id: String) throws -> FlowchartWalk {
        var record = try existing(id)
        var walk = walk
        walk.id = (record.walks.map(\.id).max() ?? 0) + 1
        walk.walkedAt = Self.wholeSecond(walk.walkedAt)
        record.walks.append(walk)
        try save(record, action: "incident.flowchart.walk",
                 summary: "Kept flowchart walk \(walk.id) (\(walk.chartID), outcome step \(walk.outcomeStepID)) with incident \(id)")
        return walk
    }

    /// Ticks an action of a walk: who and when are recorded, and the matching item of the
    /// incident's staff or child "Action taken" list is ticked too (if it is not already). The
    /// report is not revised, but the change is audited.
    public func tickWalkAction(_ actionID: String, walk walkID: Int, of id: String) throws {
        var record = try existing(id)
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
        try save(record, action: "incident.flowchart.tick",
                 summary: "Ticked action \(actionID) of flowchart walk \(walkID) on incident \(id)\(also)")
    }
}
