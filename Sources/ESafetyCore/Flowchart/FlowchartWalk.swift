import Foundation

/// One walk through a flowchart for an incident, kept with the incident: the path taken, each
/// answer with its reason, the outcome, and the checklist with the people to contact as the
/// role directory and profile had them at the time of the walk.
public struct FlowchartWalk: Codable, Sendable, Hashable, Identifiable {
    /// 1, 2, 3… within the incident.
    public var id: Int
    public var chartID: String
    public var chartTitle: String
    public var chartVersion: Int
    public var walkedAt: Date
    public var walkedBy: AuditActor
    /// Every step passed, in order, from the start to the outcome.
    public var path: [PathStep]
    public var answers: [Answer]
    public var outcomeStepID: String
    public var outcome: String
    public var outcomeText: String
    public var actions: [ChecklistItem]
    /// Ticks taken back, with why (nil in walks kept before ticks could be taken back).
    public var untickings: [Correction]?
    /// Ticks taken back, oldest first: they stay in the history, struck through.
    public var corrections: [Correction] { untickings ?? [] }

    /// A tick taken back: which action, the tick as it was, and who took it back, when and why.
    public struct Correction: Codable, Sendable, Hashable {
        public var actionID: String
        public var actionText: String
        public var tickedAt: Date
        public var tickedBy: AuditActor
        public var at: Date
        public var by: AuditActor
        public var reason: String
    }

    /// A step on the path, with its words as they were.
    public struct PathStep: Codable, Sendable, Hashable {
        public var stepID: String
        public var kind: FlowchartStep.Kind
        public var label: String
        public init(stepID: String, kind: FlowchartStep.Kind, label: String) { self.stepID = stepID; self.kind = kind; self.label = label }
    }

    /// The answer given to a question.
    public struct Answer: Codable, Sendable, Hashable {
        public var stepID: String
        public var question: String
        public var optionID: String
        public var answer: String
        /// Empty if none was given; never empty where the option requires one.
        public var reason: String
        public init(stepID: String, question: String, optionID: String, answer: String, reason: String) {
            self.stepID = stepID; self.question = question; self.optionID = optionID; self.answer = answer; self.reason = reason
        }
    }

    /// Someone to contact, copied from the role directory or the profile at the time of the walk.
    public struct Contact: Codable, Sendable, Hashable {
        /// The role's name or the external service.
        public var role: String
        public var roleID: String?
        public var contactID: String?
        public var name: String
        public var phone: String
        public var email: String
        /// False for placeholder details not yet confirmed, and for a role nobody holds.
        public var confirmed: Bool

        public init(role: String, roleID: String? = nil, contactID: String? = nil, name: String, phone: String, email: String, confirmed: Bool) {
            self.role = role; self.roleID = roleID; self.contactID = contactID
            self.name = name; self.phone = phone; self.email = email; self.confirmed = confirmed
        }

        /// "Police (non-emergency): PC Smith  01632 960999  police@example.gov.uk".
        public var line: String {
            let details = [name, phone, email].filter { !$0.isEmpty }.joined(separator: "  ")
            let shown = details.isEmpty ? (roleID != nil ? "nobody holds this role yet" : "no details yet") : details
            return "\(role): \(shown)" + (confirmed || details.isEmpty ? "" : "  (to confirm)")
        }
    }

    /// One action of the checklist, and who ticked it when.
    public struct ChecklistItem: Codable, Sendable, Hashable, Identifiable {
        /// The chart's action id.
        public var id: String
        public var stepID: String
        public var text: String
        public var contacts: [Contact]
        public var staffActionID: String?
        public var childActionID: String?
        public var doneAt: Date?
        public var doneBy: AuditActor?

        public init(id: String, stepID: String, text: String, contacts: [Contact], staffActionID: String?, childActionID: String?) {
            self.id = id; self.stepID = stepID; self.text = text; self.contacts = contacts
            self.staffActionID = staffActionID; self.childActionID = childActionID
        }

        public var isDone: Bool { doneAt != nil }
    }

    public init(id: Int, chartID: String, chartTitle: String, chartVersion: Int, walkedAt: Date, walkedBy: AuditActor,
                path: [PathStep], answers: [Answer], outcomeStepID: String, outcome: String, outcomeText: String,
                actions: [ChecklistItem]) {
        self.id = id; self.chartID = chartID; self.chartTitle = chartTitle; self.chartVersion = chartVersion
        self.walkedAt = walkedAt; self.walkedBy = walkedBy; self.path = path; self.answers = answers
        self.outcomeStepID = outcomeStepID; self.outcome = outcome; self.outcomeText = outcomeText; self.actions = actions
    }

    /// The path as one line: "Act now › Head told › Staff instigator? › …".
    public var pathText: String { path.map(\.label).joined(separator: " › ") }
}

/// `[FlowchartWalk]` that decodes as empty when a record written before walks existed has no key.
@propertyWrapper
public struct WalksOrEmpty: Codable, Sendable, Hashable {
    public var wrappedValue: [FlowchartWalk]
    public init(wrappedValue: [FlowchartWalk]) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws { wrappedValue = try decoder.singleValueContainer().decode([FlowchartWalk].self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// Lets a missing `walks` key decode as no walks.
    public func decode(_ type: WalksOrEmpty.Type, forKey key: Key) throws -> WalksOrEmpty {
        try decodeIfPresent(type, forKey: key) ?? WalksOrEmpty(wrappedValue: [])
    }
}
