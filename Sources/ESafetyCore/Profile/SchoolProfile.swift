/// The school's own details, printed at the top of every incident report, and the external
/// contacts the policies name. Defaults are placeholders that say plainly they must be confirmed.
public struct SchoolProfile: Codable, Sendable, Hashable {
    public var schoolName: String
    public var address: String
    public var localAuthority: String
    /// The person in the role directory who is the e-safety contact officer, if chosen.
    public var esafetyContactPersonID: String?
    /// Where the copy of an incident report goes (the local authority's e-safety officer).
    public var reportCopyEmail: String
    public var externalContacts: [ExternalContact]
    /// False until someone has confirmed the profile in Settings.
    public var confirmed: Bool

    public init(schoolName: String, address: String, localAuthority: String, esafetyContactPersonID: String? = nil,
                reportCopyEmail: String = "", externalContacts: [ExternalContact] = [], confirmed: Bool = false) {
        self.schoolName = schoolName; self.address = address; self.localAuthority = localAuthority
        self.esafetyContactPersonID = esafetyContactPersonID; self.reportCopyEmail = reportCopyEmail
        self.externalContacts = externalContacts; self.confirmed = confirmed
    }

    public func contact(_ id: String) -> ExternalContact? { externalContacts.first { $0.id == id } }
}
