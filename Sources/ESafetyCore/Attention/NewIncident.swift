import Foundation

/// An incident that the person signed in may open and has not opened yet: what the home
/// screen's "New since you last signed in" lists. No content, only what a lead needs to
/// decide to open it.
public struct NewIncident: Sendable, Hashable, Identifiable {
    public var id: String
    public var recordedAt: Date
    /// Who recorded it, as the audit log names them ("" if the log does not say).
    public var recordedBy: String
    /// The types ticked on the form, as the form words them.
    public var types: [String]
}

/// An e-mail alert that could not be sent, as the audit log records it ("alert.failed").
public struct FailedAlert: Sendable, Hashable {
    public var incidentID: String?
    public var at: Date
    /// What went wrong, as the mail transport said.
    public var problem: String
}
