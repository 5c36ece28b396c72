import CivilTime
import Crypto
import Foundation

/// `transfers/<id>.json`: one child-protection file sent to another school, or received from
/// one. Its id, direction, dates and receipt are in the clear (they are what the dashboard and
/// the governors' counts need); whose file it was and which school are sealed to the records
/// key, like an incident.
struct TransferRecord: Codable, Equatable {
    static let folder = "transfers"

    /// Sent from this school, or received by it.
    enum Direction: String, Codable { case out, `in` }

    var id: String
    var direction: Direction
    /// The bundle's own id, the same at both schools.
    var bundleID: String
    /// When it was sealed (out) or imported (in), and by whom.
    var at: Date
    var by: AuditActor
    /// Out: the fifth school day after sending.
    var dueOn: CivilDate?
    /// Out: the SHA-256 of the bundle id and receipt code (``ReceiptCode/check(_:bundleID:)``).
    var receiptCheck: String?
    /// Out: when the receipt was recorded, and by whom.
    var receiptRecordedAt: Date?
    var receiptRecordedBy: AuditActor?
    /// ``TransferDetails`` sealed to the records key of `generation`.
    var details: SealedPayload
    var generation: Int

    static func document(_ id: String) -> String { folder + "/" + id }
}

/// What a transfer record seals: whose file, which school, which incidents.
struct TransferDetails: Codable, Equatable {
    var pupilName: String
    var pupilID: String?
    var otherSchool: String
    /// The incidents sent (out) or made from the bundle (in), by their ids here.
    var incidentIDs: [String]
    /// In: the receipt code, to give again if asked.
    var receiptCode: String?

    func seal(to records: Curve25519.KeyAgreement.PublicKey) throws -> SealedPayload { try RecordsSealed.seal(self, to: records) }

    static func open(_ sealed: SealedPayload, with records: Curve25519.KeyAgreement.PrivateKey, document: String) throws -> TransferDetails {
        try RecordsSealed.open(TransferDetails.self, from: sealed, with: records, document: document)
    }
}

/// A transfer as a lead sees it: the record and what it seals.
public struct TransferSummary: Sendable, Equatable, Identifiable, DeadlineListing {
    public var id: String
    public var isOutgoing: Bool
    public var at: Date
    public var dueOn: CivilDate?
    public var receiptRecordedAt: Date?
    public var pupilName: String
    public var otherSchool: String
    public var incidentIDs: [String]
    /// Incoming: the receipt code to read back to the sending school.
    public var receiptCode: String?

    /// True for a file sent whose receipt has not been recorded by its due date.
    public func isOverdue(today: CivilDate) -> Bool {
        isOutgoing && receiptRecordedAt == nil && (dueOn.map { $0 < today } ?? false)
    }

    /// "Transfer T2026-0001: Zoë Ōkubo's file to Northgate School, due 2026-12-09, no receipt".
    public var line: String {
        let what = "Transfer \(id): \(pupilName)'s file " + (isOutgoing ? "to" : "from") + " \(otherSchool)"
        guard isOutgoing else { return what + (receiptCode.map { ", receipt code \($0)" } ?? "") }
        return what + (dueOn.map { ", due \($0)" } ?? "") + (receiptRecordedAt == nil ? ", no receipt yet" : ", received")
    }
}

/// The governors' counts of transfers: no names, no schools.
public struct TransferFigures: Sendable, Equatable {
    public var sent: Int
    public var sentWithoutReceipt: Int
    public var received: Int

    /// "Child-protection files: 2 sent (1 without receipt), 1 received".
    public var sentence: String {
        "Child-protection files: \(sent) sent (\(sentWithoutReceipt) without receipt), \(received) received"
    }
}
