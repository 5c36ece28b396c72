/// A service outside the school that the policies say to contact: the police, the LADO, the
/// local authority's safeguarding advisor and e-safety officer, helplines.
public struct ExternalContact: Codable, Sendable, Hashable, Identifiable {
    /// A stable id the flowchart refers to, such as `police` or `lado`.
    public var id: String
    /// The service, e.g. "Police (non-emergency)".
    public var service: String
    /// A named person there, if the school has one.
    public var contactName: String
    public var phone: String
    public var email: String
    /// When to use it, in the policy's words.
    public var purpose: String
    /// False until the school has checked these details; shown as "to confirm" until then.
    public var confirmed: Bool

    public init(id: String, service: String, contactName: String = "", phone: String = "", email: String = "", purpose: String = "", confirmed: Bool = false) {
        self.id = id; self.service = service; self.contactName = contactName
        self.phone = phone; self.email = email; self.purpose = purpose; self.confirmed = confirmed
    }

    /// Phone and email on one line, or a prompt to fill them in.
    public var contactLine: String {
        let parts = [contactName, phone, email].filter { !$0.isEmpty }
        let line = parts.isEmpty ? "no details yet" : parts.joined(separator: "  ")
        return confirmed ? line : line + "  (to confirm)"
    }

    /// Well-known ids used by the flowchart and reports.
    public enum WellKnown {
        public static let police = "police"
        public static let lado = "lado"
        public static let safeguardingAdvisor = "la-safeguarding-advisor"
        public static let esafetyOfficer = "la-esafety-officer"
        public static let childProtectionHelpline = "child-protection-helpline"
        public static let professionalsHelpline = "professionals-online-safety-helpline"
    }
}
