import CivilTime
import Crypto
import Foundation

/// `subject-access/SAR-0001.json`: a subject access request (UK GDPR article 15). The dates are
/// in the clear, for the dashboard; who it is about and who asked are sealed to the records key.
struct SubjectAccessRequestRecord: Codable, Equatable {
    static let folder = "subject-access"

    var id: String
    var receivedOn: CivilDate
    var dueOn: CivilDate
    var recordedAt: Date
    var recordedBy: AuditActor
    var doneOn: CivilDate?
    var doneBy: AuditActor?
    /// ``SubjectAccessRequestDetails`` sealed to the records key of `generation`.
    var details: SealedPayload
    var generation: Int

    static func document(_ id: String) -> String { folder + "/" + id }
}

/// What a request seals: whose data, and who asked (the person, a parent, a solicitor).
struct SubjectAccessRequestDetails: Codable, Equatable {
    var subject: String
    var requestedBy: String
}

/// A subject access request as a lead sees it.
public struct SubjectAccessRequest: Sendable, Equatable, Identifiable, DeadlineListing {
    public var id: String
    public var subject: String
    public var requestedBy: String
    public var receivedOn: CivilDate
    public var dueOn: CivilDate
    public var doneOn: CivilDate?

    public var isDone: Bool { doneOn != nil }

    /// True for a request not answered by its due date.
    public func isOverdue(today: CivilDate) -> Bool { !isDone && dueOn < today }

    /// "SAR-0001: Zoë Ōkubo, asked by her mother, received 02/12/2026, due 04/01/2027".
    public var line: String {
        "\(id): \(subject), asked by \(requestedBy), received \(receivedOn), " + (doneOn.map { "answered \($0)" } ?? "due \(dueOn)")
    }

    /// The ICO's rule: one calendar month from the day received, to the same date next month, or
    /// the month's last day when it has no such date; a due date on a weekend moves to the Monday.
    /// (Bank holidays are not known to esafety: check them.)
    public static func dueDate(receivedOn day: CivilDate) -> CivilDate {
        let year = day.month == 12 ? day.year + 1 : day.year
        let month = day.month == 12 ? 1 : day.month + 1
        var due = CivilDate(year: year, month: month, day: day.day)
        var last = day.day
        while due == nil && last > 28 { last -= 1; due = CivilDate(year: year, month: month, day: last) }
        let date = due ?? CivilDate(year: year, month: month, day: 28)!
        return date.adding(days: date.weekday == 6 ? 2 : date.weekday == 7 ? 1 : 0) ?? date
    }
}
