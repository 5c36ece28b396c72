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
    /// incident's staff or child "Action taken" list is ticked too (if it is not already): the
    /// child part when a child was involved, the staff part when a member of staff was (see
    /// ``formParts(for:record:walk:)``). The report is not revised, but the change is audited.
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
        let (toStaff, toChild) = Self.formParts(for: item, record: record, walk: record.walks[walkIndex])
        var ticked: [String] = []
        if toStaff, let staff = item.staffActionID, !record.report.staffActions.contains(where: { $0.itemID == staff }) {
            record.report.staffActions.append(ActionTaken(itemID: staff, by: who.name, on: today))
            ticked.append("staff \(staff)")
        }
        if toChild, let child = item.childActionID, !record.report.childActions.contains(where: { $0.itemID == child }) {
            record.report.childActions.append(ActionTaken(itemID: child, by: who.name, on: today))
            ticked.append("child \(child)")
        }
        let also = ticked.isEmpty ? "" : "; ticked \(ticked.joined(separator: " and ")) on the form"
        return "Ticked action \(actionID) of flowchart walk \(walkID) on incident \(id)\(also)"
    }

    /// Takes back a tick made by mistake: the reason is required, and the tick is kept in the
    /// walk's corrections (shown struck through in the report's history). The form's "Action
    /// taken" item that the tick ticked is taken back too, unless another ticked action of a
    /// walk also ticks it.
    public func untickWalkAction(_ actionID: String, walk walkID: Int, of id: String, reason: String) throws {
        var record = try existing(id)
        guard !reason.trimmed.isEmpty else { throw IncidentError.reasonRequired("for taking back a tick") }
        guard let walkIndex = record.walks.firstIndex(where: { $0.id == walkID }) else { throw FlowchartError.unknownWalk(walkID) }
        guard let index = record.walks[walkIndex].actions.firstIndex(where: { $0.id == actionID }) else {
            throw FlowchartError.unknownAction(actionID)
        }
        let item = record.walks[walkIndex].actions[index]
        guard let tickedAt = item.doneAt, let tickedBy = item.doneBy else { throw FlowchartError.notDone(actionID) }
        let who = actor()
        record.walks[walkIndex].actions[index].doneAt = nil
        record.walks[walkIndex].actions[index].doneBy = nil
        record.walks[walkIndex].untickings = record.walks[walkIndex].corrections + [FlowchartWalk.Correction(
            actionID: actionID, actionText: item.text, tickedAt: tickedAt, tickedBy: tickedBy,
            at: Self.wholeSecond(now()), by: who, reason: reason.trimmed)]
        let stillTicked = record.walks.flatMap(\.actions).filter(\.isDone)
        var untold: [String] = []
        if let staff = item.staffActionID, !stillTicked.contains(where: { $0.staffActionID == staff }),
           let at = record.report.staffActions.firstIndex(where: { $0.itemID == staff && $0.by == tickedBy.name }) {
            record.report.staffActions.remove(at: at)
            untold.append("staff \(staff)")
        }
        if let child = item.childActionID, !stillTicked.contains(where: { $0.childActionID == child }),
           let at = record.report.childActions.firstIndex(where: { $0.itemID == child && $0.by == tickedBy.name }) {
            record.report.childActions.remove(at: at)
            untold.append("child \(child)")
        }
        let also = untold.isEmpty ? "" : "; took back \(untold.joined(separator: " and ")) on the form"
        try save(record, action: "incident.flowchart.untick",
                 summary: "Took back the tick of action \(actionID) of flowchart walk \(walkID) on incident \(id)\(also)")
    }

    /// Which part of the form's "Action taken" a checklist action ticks, when it names an item
    /// in both: the child part if a child was involved, the staff part if a member of staff
    /// was (from the form's "who was involved" and allegation answer, and the walk's answers).
    /// An action naming one part only ticks that part.
    static func formParts(for item: FlowchartWalk.ChecklistItem, record: IncidentRecord, walk: FlowchartWalk) -> (staff: Bool, child: Bool) {
        guard item.staffActionID != nil, item.childActionID != nil else { return (true, true) }
        let answered = Dictionary(walk.answers.map { ($0.stepID, $0.optionID) }, uniquingKeysWith: { _, last in last })
        let kinds = Set(record.report.involved.map(\.kind))
        let child = kinds.contains(.child) || answered["child-involved"].map { $0.hasPrefix("yes") } == true
        let staff = kinds.contains(.staff) || record.report.allegationAgainstStaff == true
            || answered["staff-instigator"] == "yes" || answered["staff-victim"] == "yes"
        if !child && !staff { return (true, true) }  // nothing says who: tick both, as before
        return (staff, child)
    }
}
