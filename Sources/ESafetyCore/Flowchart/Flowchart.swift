/// A response flowchart as data (`Resources/flowcharts/*.json`, and the school's copy in the
/// store): questions whose options lead to next steps, action steps with a checklist, and
/// outcomes where every path ends. See `docs/flowchart.md` for the format.
public struct Flowchart: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    /// Raised by the school when it changes its copy; kept with each walk.
    public var version: Int
    /// The id of the first step.
    public var start: String
    /// The policies the chart encodes.
    public var sources: [String]
    public var steps: [FlowchartStep]

    public init(id: String, title: String, version: Int = 1, start: String, sources: [String] = [], steps: [FlowchartStep]) {
        self.id = id; self.title = title; self.version = version; self.start = start; self.sources = sources; self.steps = steps
    }

    /// The step with this id (the first, if a broken chart repeats one).
    public func step(_ id: String) -> FlowchartStep? { steps.first { $0.id == id } }

    /// The steps each step leads to, in option order.
    public func successors(of step: FlowchartStep) -> [String] {
        switch step.kind {
        case .question: return step.options.map(\.next)
        case .action: return step.next.map { [$0] } ?? []
        case .outcome: return []
        }
    }
}

/// One step of a flowchart.
public struct FlowchartStep: Codable, Sendable, Hashable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Asks one question; each option leads to a next step.
        case question
        /// A checklist of things to do, then on to `next`.
        case action
        /// Where a path ends.
        case outcome
    }

    public var id: String
    public var kind: Kind
    /// A few words for the breadcrumb, e.g. "Child involved?".
    public var label: String
    /// The question, the action heading, or the outcome.
    public var title: String
    /// The policy's own words behind the step (every question has them).
    public var policyText: String
    /// Which policy, and which section of it.
    public var source: String
    /// Questions only.
    public var options: [FlowchartOption]
    /// Action steps only.
    public var actions: [FlowchartAction]
    /// Action steps only: the step after the checklist.
    public var next: String?
    /// Outcomes only: what to do now.
    public var text: String

    public init(id: String, kind: Kind, label: String = "", title: String, policyText: String = "", source: String = "",
                options: [FlowchartOption] = [], actions: [FlowchartAction] = [], next: String? = nil, text: String = "") {
        self.id = id; self.kind = kind; self.label = label; self.title = title; self.policyText = policyText
        self.source = source; self.options = options; self.actions = actions; self.next = next; self.text = text
    }

    private enum CodingKeys: String, CodingKey { case id, kind, label, title, policyText, source, options, actions, next, text }

    /// Fields a step of another kind does not need may be left out of the file.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? ""
        policyText = try c.decodeIfPresent(String.self, forKey: .policyText) ?? ""
        source = try c.decodeIfPresent(String.self, forKey: .source) ?? ""
        options = try c.decodeIfPresent([FlowchartOption].self, forKey: .options) ?? []
        actions = try c.decodeIfPresent([FlowchartAction].self, forKey: .actions) ?? []
        next = try c.decodeIfPresent(String.self, forKey: .next)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    }

    /// The breadcrumb's words: the label, else the title.
    public var shortLabel: String { label.isEmpty ? title : label }
}

/// One answer to a question.
public struct FlowchartOption: Codable, Sendable, Hashable, Identifiable {
    /// Unique within its question.
    public var id: String
    public var label: String
    /// The step this answer leads to.
    public var next: String
    /// True where the answer must be given with a reason (a decision not to refer).
    public var reasonRequired: Bool
    /// What to ask for in the reason, if the option has its own words.
    public var reasonPrompt: String

    public init(id: String, label: String, next: String, reasonRequired: Bool = false, reasonPrompt: String = "") {
        self.id = id; self.label = label; self.next = next; self.reasonRequired = reasonRequired; self.reasonPrompt = reasonPrompt
    }

    private enum CodingKeys: String, CodingKey { case id, label, next, reasonRequired, reasonPrompt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        next = try c.decode(String.self, forKey: .next)
        reasonRequired = try c.decodeIfPresent(Bool.self, forKey: .reasonRequired) ?? false
        reasonPrompt = try c.decodeIfPresent(String.self, forKey: .reasonPrompt) ?? ""
    }
}

/// One item of an action step's checklist. Who to contact is named by role and external-contact
/// ids; names and numbers come from the role directory and the profile when the chart is walked.
public struct FlowchartAction: Codable, Sendable, Hashable, Identifiable {
    /// Unique within the chart.
    public var id: String
    public var text: String
    /// Roles in the role directory whose holders to contact.
    public var contactRoleIDs: [String]
    /// External contacts in the school profile.
    public var contactIDs: [String]
    /// The incident form's staff "Action taken" item this ticks, if any.
    public var staffActionID: String?
    /// The incident form's child "Action taken" item this ticks, if any.
    public var childActionID: String?

    public init(id: String, text: String, contactRoleIDs: [String] = [], contactIDs: [String] = [],
                staffActionID: String? = nil, childActionID: String? = nil) {
        self.id = id; self.text = text; self.contactRoleIDs = contactRoleIDs; self.contactIDs = contactIDs
        self.staffActionID = staffActionID; self.childActionID = childActionID
    }

    private enum CodingKeys: String, CodingKey { case id, text, contactRoleIDs, contactIDs, staffActionID, childActionID }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        contactRoleIDs = try c.decodeIfPresent([String].self, forKey: .contactRoleIDs) ?? []
        contactIDs = try c.decodeIfPresent([String].self, forKey: .contactIDs) ?? []
        staffActionID = try c.decodeIfPresent(String.self, forKey: .staffActionID)
        childActionID = try c.decodeIfPresent(String.self, forKey: .childActionID)
    }
}
