/// Validates a flowchart: every option leads to a step that exists, every step is reachable,
/// every path ends in an outcome, and every loop has a way out. Ids of roles, external contacts
/// and form actions that are not known are warnings (a school may add its own roles).
public enum FlowchartCheck {
    /// What the chart's ids are checked against; nil skips that check.
    public struct KnownIDs: Sendable {
        public var roleIDs: Set<String>?
        public var contactIDs: Set<String>?
        public var staffActionIDs: Set<String>?
        public var childActionIDs: Set<String>?

        public init(roleIDs: Set<String>? = nil, contactIDs: Set<String>? = nil,
                    staffActionIDs: Set<String>? = nil, childActionIDs: Set<String>? = nil) {
            self.roleIDs = roleIDs; self.contactIDs = contactIDs
            self.staffActionIDs = staffActionIDs; self.childActionIDs = childActionIDs
        }

        /// The ids esafety ships: the default roles and profile and the incident form.
        public static func defaults() throws -> KnownIDs {
            let roles = try DefaultResources.decode(DirectoryDocument.self, from: "defaults/roles.json").directory.roles
            let profile = try DefaultResources.decode(SchoolProfile.self, from: "defaults/profile.json")
            let form = try IncidentFormDefinition.standard()
            return KnownIDs(roleIDs: Set(roles.map(\.id)), contactIDs: Set(profile.externalContacts.map(\.id)),
                            staffActionIDs: Set(form.staffActions.map(\.id)), childActionIDs: Set(form.childActions.map(\.id)))
        }
    }

    /// Every problem, errors first in step order.
    public static func problems(in chart: Flowchart, known: KnownIDs = KnownIDs()) -> [FlowchartProblem] {
        var problems: [FlowchartProblem] = []
        var seen: Set<String> = []
        for step in chart.steps where !seen.insert(step.id).inserted {
            problems.append(FlowchartProblem(stepID: step.id, "the id is used by more than one step"))
        }
        guard chart.step(chart.start) != nil else {
            return problems + [FlowchartProblem(stepID: nil, "the start step \"\(chart.start)\" does not exist")]
        }
        var broken: Set<String> = []
        var actionIDs: Set<String> = []
        for step in chart.steps {
            func problem(_ text: String) { problems.append(FlowchartProblem(stepID: step.id, text)); broken.insert(step.id) }
            if step.title.trimmed.isEmpty { problem("it has no title") }
            switch step.kind {
            case .question:
                if step.options.isEmpty { problem("the question has no options, so a path stops here") }
                if step.policyText.trimmed.isEmpty || step.source.trimmed.isEmpty {
                    problem("the question needs the policy text behind it and its source")
                }
                var optionIDs: Set<String> = []
                for option in step.options {
                    if !optionIDs.insert(option.id).inserted { problem("option \"\(option.id)\" is listed twice") }
                    if chart.step(option.next) == nil {
                        problem("option \"\(option.id)\" leads to \"\(option.next)\", which does not exist")
                    }
                }
            case .action:
                if step.actions.isEmpty { problem("the action step has no actions") }
                if let next = step.next {
                    if chart.step(next) == nil { problem("it leads to \"\(next)\", which does not exist") }
                } else {
                    problem("the action step has no next step, so a path stops here")
                }
                for action in step.actions {
                    if !actionIDs.insert(action.id).inserted { problem("action \"\(action.id)\" is used twice in the chart") }
                    problems += unknownIDs(action, step: step, known: known)
                }
            case .outcome:
                if !step.options.isEmpty || step.next != nil { problem("an outcome ends a path, so it cannot lead on") }
            }
        }

        let reachable = reach(from: [chart.start]) { id in chart.step(id).map(chart.successors) ?? [] }
        for step in chart.steps where !reachable.contains(step.id) {
            problems.append(FlowchartProblem(stepID: step.id, "no path from the start (\(chart.start)) reaches this step"))
        }

        // A step from which no outcome can be reached is stuck: in a loop with no way out.
        var predecessors: [String: [String]] = [:]
        for step in chart.steps { for next in chart.successors(of: step) { predecessors[next, default: []].append(step.id) } }
        let canFinish = reach(from: chart.steps.filter { $0.kind == .outcome }.map(\.id)) { predecessors[$0] ?? [] }
        let stuck = chart.steps.map(\.id).filter { reachable.contains($0) && !canFinish.contains($0) && !broken.contains($0) }
        // Report each loop once, at its first step; a stuck step outside a loop only leads into one.
        var reported: Set<String> = []
        let successors = { (id: String) in chart.step(id).map(chart.successors) ?? [] }
        for id in stuck where !reported.contains(id) {
            let forward = reach(from: successors(id), successors)
            guard forward.contains(id) else { continue }
            let loop = stuck.filter { forward.contains($0) && reach(from: successors($0), successors).contains(id) }
            problems.append(FlowchartProblem(stepID: id, "a loop with no way out: \(loop.joined(separator: ", ")) never reach an outcome"))
            reported.formUnion(loop)
        }
        return problems.sorted { ($0.severity == .error ? 0 : 1) < ($1.severity == .error ? 0 : 1) }
    }

    /// Only the errors.
    public static func errors(in chart: Flowchart, known: KnownIDs = KnownIDs()) -> [FlowchartProblem] {
        problems(in: chart, known: known).filter { $0.severity == .error }
    }

    private static func unknownIDs(_ action: FlowchartAction, step: FlowchartStep, known: KnownIDs) -> [FlowchartProblem] {
        var found: [FlowchartProblem] = []
        func warn(_ text: String) { found.append(FlowchartProblem(stepID: step.id, "action \"\(action.id)\": \(text)", severity: .warning)) }
        if let roles = known.roleIDs { for id in action.contactRoleIDs where !roles.contains(id) { warn("no role \"\(id)\" in the role directory") } }
        if let contacts = known.contactIDs { for id in action.contactIDs where !contacts.contains(id) { warn("no external contact \"\(id)\" in the profile") } }
        if let staff = known.staffActionIDs, let id = action.staffActionID, !staff.contains(id) { warn("the incident form has no staff action \"\(id)\"") }
        if let child = known.childActionIDs, let id = action.childActionID, !child.contains(id) { warn("the incident form has no child action \"\(id)\"") }
        return found
    }

    static func reach(from starts: [String], _ next: (String) -> [String]) -> Set<String> {
        var seen = Set(starts)
        var queue = starts
        while let id = queue.popLast() {
            for following in next(id) where seen.insert(following).inserted { queue.append(following) }
        }
        return seen
    }

    /// Every path from the start to an end, as step ids, going round each loop at most `loops`
    /// times; a path that would go round more often is left out (for tests and counts).
    public static func paths(in chart: Flowchart, loops: Int = 1) -> [[String]] {
        var result: [[String]] = []
        func walk(_ path: [String]) {
            guard let last = path.last, let step = chart.step(last) else { result.append(path); return }
            let nexts = chart.successors(of: step)
            if nexts.isEmpty { result.append(path); return }
            for next in nexts where path.filter({ $0 == next }).count <= loops {
                walk(path + [next])
            }
        }
        walk([chart.start])
        return result
    }
}

