import CivilTime
import Foundation

/// A request from staff to remove a site from the filtered list. St Paul's policy: such
/// requests are approved by the Headteacher; the DfE standard: record what is allowed, and why.
public struct UnblockRequest: Codable, Hashable, Sendable, Identifiable {
    /// The head teacher's answer.
    public enum Decision: String, Codable, CaseIterable, Sendable {
        case approved, refused
    }

    /// `unblock-0004`.
    public var id: String
    /// Who asked (their name), and when.
    public var requestedBy: String
    public var requestedOn: CivilDate
    /// The site or address: "www.example-museum.org.uk".
    public var site: String
    /// Why they asked: "Year 6 research on the Romans".
    public var reason: String
    /// The head teacher's decision, once made.
    public var decision: Decision?
    public var decidedBy: AuditActor?
    public var decidedOn: CivilDate?
    /// What is allowed: "the museum's collection pages, for staff and KS2 pupils, until July".
    public var allowed: String?
    /// Why: the head teacher's reason, for approving or refusing.
    public var why: String?
    public var recordedBy: AuditActor

    public var isPending: Bool { decision == nil }

    /// "pending", "approved" or "refused".
    public var state: String { decision?.rawValue ?? "pending" }
}
