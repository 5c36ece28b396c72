/// One answer to "who do I tell?": a situation the policies describe, the roles to tell, in
/// order, and what the policy says to do next. Kept as data (`reporting-lines.json`).
public struct ReportingLine: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// The situation, as a member of staff would put it.
    public var situation: String
    /// Role ids to tell, first to last.
    public var tellRoleIDs: [String]
    /// Ids of external contacts in the school profile that may be needed.
    public var externalContactIDs: [String]
    /// What to do, in the policy's words.
    public var guidance: String
    /// Which policy and section this comes from.
    public var source: String

    public init(id: String, situation: String, tellRoleIDs: [String], externalContactIDs: [String] = [], guidance: String, source: String) {
        self.id = id; self.situation = situation; self.tellRoleIDs = tellRoleIDs
        self.externalContactIDs = externalContactIDs; self.guidance = guidance; self.source = source
    }
}
