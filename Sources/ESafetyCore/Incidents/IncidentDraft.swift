import Foundation

/// An incident report being filled in, saved as it is typed so nothing is lost to a crash, a
/// closed terminal or Esc. One per person at the terminal; offered back when they return.
public struct IncidentDraft: Codable, Sendable, Hashable {
    public var report: IncidentReport
    /// The step of the form the person was on.
    public var step: Int
    public var startedAt: Date
    public var savedAt: Date

    public init(report: IncidentReport = IncidentReport(), step: Int = 0, startedAt: Date, savedAt: Date) {
        self.report = report; self.step = step; self.startedAt = startedAt; self.savedAt = savedAt
    }
}
