import CivilTime

/// A child-protection record and the date of birth of the pupil it is about, if known: what the
/// retention rule needs. Incidents supply these (see `ReviewsArea.retentionRecordSource`).
public struct RetentionRecord: Hashable, Sendable {
    public var recordID: String
    public var pupilDateOfBirth: CivilDate?
    /// A few words to list it by, e.g. the incident's title and date.
    public var summary: String

    public init(recordID: String, pupilDateOfBirth: CivilDate?, summary: String = "") {
        self.recordID = recordID; self.pupilDateOfBirth = pupilDateOfBirth; self.summary = summary
    }
}

/// The records whose retention review has come, and those that cannot be judged.
public struct RetentionReport: Hashable, Sendable {
    /// A record whose pupil has turned 25, and the day they did.
    public struct Entry: Hashable, Sendable {
        public var record: RetentionRecord
        public var reviewDate: CivilDate
    }
    /// Records whose pupil has turned 25; earliest first.
    public var due: [Entry]
    /// Records with no pupil date of birth: they cannot be judged and are kept until one is entered.
    public var withoutDateOfBirth: [RetentionRecord]
}

/// Child-protection records are kept until the pupil is 25, then reviewed (the retention
/// guidance the policies follow). Pure functions, so they are tested without incidents.
public enum RetentionRule {
    /// The age at which a pupil's child-protection records come up for review.
    public static let reviewAge = 25

    /// The day the pupil turns 25: their 25th birthday (born on 29 February: 1 March in a
    /// non-leap year, as English law counts it).
    public static func reviewDate(dateOfBirth: CivilDate) -> CivilDate {
        CivilDate(year: dateOfBirth.year + reviewAge, month: dateOfBirth.month, day: dateOfBirth.day)
            ?? CivilDate(year: dateOfBirth.year + reviewAge, month: 3, day: 1)!
    }

    /// Which records are due for their retention review on `today`.
    public static func report(_ records: [RetentionRecord], today: CivilDate) -> RetentionReport {
        var due: [RetentionReport.Entry] = []
        var unknown: [RetentionRecord] = []
        for record in records {
            guard let born = record.pupilDateOfBirth else { unknown.append(record); continue }
            let date = reviewDate(dateOfBirth: born)
            if date <= today { due.append(.init(record: record, reviewDate: date)) }
        }
        due.sort { ($0.reviewDate, $0.record.recordID) < ($1.reviewDate, $1.record.recordID) }
        return RetentionReport(due: due, withoutDateOfBirth: unknown)
    }
}
