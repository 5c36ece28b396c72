/// A role the policy defines, its responsibilities and the people who hold it. A role may have
/// several holders (St Paul's names four designated child protection leads) or none yet.
public struct Role: Codable, Sendable, Hashable, Identifiable {
    /// A stable slug such as `esafety-lead`; the flowchart and reporting lines refer to roles by it.
    public var id: String
    public var name: String
    /// One sentence on what the role is for.
    public var summary: String
    /// The responsibilities, one per line, as the policy words them.
    public var responsibilities: [String]
    /// Ids of the people who hold the role, in the order the school lists them.
    public var holderIDs: [String]
    /// Where the role comes from, e.g. "St Paul's roles table".
    public var source: String

    public init(id: String, name: String, summary: String = "", responsibilities: [String] = [], holderIDs: [String] = [], source: String = "") {
        self.id = id; self.name = name; self.summary = summary
        self.responsibilities = responsibilities; self.holderIDs = holderIDs; self.source = source
    }
}

extension Role {
    /// The ids of roles the rest of esafety relies on (the flowchart, reporting lines, reports).
    public enum WellKnown {
        public static let esafetyLead = "esafety-lead"
        public static let headTeacher = "head-teacher"
        public static let childProtectionLead = "child-protection-lead"
        public static let linkGovernor = "link-governor"
        public static let chairOfGovernors = "chair-of-governors"
        public static let safeguardingAdvisor = "safeguarding-advisor"
        public static let technicalSupport = "technical-support"
    }
}
